import { charClass, LETTER, MARK, NUMBER, SPACE } from '../../engine/charClasses';
import { spellings, type Spelling, type WordSlot } from './spellings';

/**
 * A quote's comparable form: the words it is made of, case-folded and stripped of accents, quote
 * marks and punctuation, each mapped back to where it stands in the original text.
 *
 * Editorial insertions in square brackets ("[Soleimani] was …") and ellipses ("… ", "...") are
 * gaps: the words on either side are kept in separate segments, so the quote still matches a
 * fuller version that has other words (or none) where the gap stands.
 */
export interface NormalisedWords {
  /** Comparable words, in order. */
  readonly words: readonly string[];
  /** UTF-16 offset of each word's first code unit in the original text. */
  readonly starts: readonly number[];
  /** UTF-16 offset just after each word in the original text. */
  readonly ends: readonly number[];
  /** Index of the first word of each segment (a new one begins after every gap); [0] when there are words. */
  readonly segmentStarts: readonly number[];
}

// One alternation, tried left to right: bracketed insertion, ellipsis, abbreviation with dots
// ("U.S."), number ("2.1", "27th", "1980s"), word with inner apostrophes, a lone "&" or "+".
const TOKEN =
  /(\[[^\]\n]{0,120}\])|(\.\s?\.\s?\.|…)|((?:\p{L}\.){2,})|(\p{N}+(?:[.,:]\p{N}+)*\p{L}{0,2})|([\p{L}\p{M}\p{N}]+(?:['’‘`ʼ][\p{L}\p{M}\p{N}]+)*)|((?<=^|\s)[&+](?=\s|$))/gu;

/** Reads the words of `text` between `from` and `to` (default: all of it). Offsets refer to `text`. */
export function normaliseWords(text: string, from = 0, to = text.length): NormalisedWords {
  spellings.forgetIfFull();
  const { words, starts, ends, segmentStarts } = readNormalised(text, from, to);
  return { words, starts, ends, segmentStarts };
}

/** `normaliseWords` with each word's slot, for numbering an article's words (see `spellings`): never forgets spellings. */
export function readNormalised(text: string, from: number, to: number): NormalisedWords & { readonly slots: readonly WordSlot[] } {
  const read = new WordReading();
  readWords(text, from, to, read);
  return read;
}

/** What a reading of the words hands each word and gap to, in order. */
export interface WordSink {
  gap(): void;
  /** The word at `text[start, end)`; its folded form may be empty (a token of only dots or apostrophes): no word. */
  word(spelling: Spelling, start: number, end: number): void;
}

/** Hands the comparable words of `text[from, to)`, and the gaps between them, to `sink` (see `normaliseWords`). */
export function readWords(text: string, from: number, to: number, sink: WordSink): void {
  if (hasSurrogateIn(text, from, to)) readWithPattern(text, from, to, sink);
  else readByHand(text, from, to, sink);
}

/** The words read so far, and whether a gap came since the last one. */
class WordReading implements WordSink {
  readonly words: string[] = [];
  readonly slots: WordSlot[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly segmentStarts: number[] = [];
  private gapPending = true;

  gap(): void {
    this.gapPending = true;
  }

  word(spelling: Spelling, start: number, end: number): void {
    const folded = spelling.folded.word;
    if (folded === '') return;
    if (this.gapPending) {
      this.segmentStarts.push(this.words.length);
      this.gapPending = false;
    }
    this.words.push(folded);
    this.slots.push(spelling.folded);
    this.starts.push(start);
    this.ends.push(end);
  }
}

/** Reads by the TOKEN pattern itself: for text with surrogates, where code units and code points part ways. */
function readWithPattern(text: string, from: number, to: number, read: WordSink): void {
  const pattern = new RegExp(TOKEN.source, TOKEN.flags);
  const slice = text.slice(from, to);
  for (let match = pattern.exec(slice); match !== null; match = pattern.exec(slice)) {
    if (match[1] !== undefined || match[2] !== undefined) read.gap();
    else read.word(match[6] !== undefined ? spellings.and : spellings.spellingAt(slice, match.index, match.index + match[0].length), from + match.index, from + match.index + match[0].length);
  }
}

const WORD_PART = LETTER | MARK | NUMBER;
const LONGEST_INSERTION = 120;

/**
 * Reads exactly what the TOKEN pattern finds in `text[from, to)` (without surrogates), a code
 * unit at a time: the same alternatives, tried in the same order at each place.
 */
function readByHand(text: string, from: number, to: number, read: WordSink): void {
  let at = from;
  while (at < to) {
    const code = text.charCodeAt(at);
    const kind = charClass(code);
    let end = -1;
    if (code === 0x5b) {
      end = insertionEnd(text, at, to);
      if (end > 0) read.gap();
    } else if (code === 0x2e || code === 0x2026) {
      end = code === 0x2026 ? at + 1 : dotsEnd(text, to, at);
      if (end > 0) read.gap();
    } else if ((kind & NUMBER) !== 0) {
      end = numberEnd(text, to, at);
      read.word(spellings.spellingAt(text, at, end), at, end);
    } else if ((kind & (LETTER | MARK)) !== 0) {
      end = (kind & LETTER) !== 0 ? initialsEnd(text, to, at) : -1;
      if (end < 0) end = wordEnd(text, to, at);
      read.word(spellings.spellingAt(text, at, end), at, end);
    } else if ((code === 0x26 || code === 0x2b) && (at === from || (classAt(text, to, at - 1) & SPACE) !== 0) && (at + 1 === to || (classAt(text, to, at + 1) & SPACE) !== 0)) {
      end = at + 1;
      read.word(spellings.and, at, end);
    }
    at = end > 0 ? end : at + 1;
  }
}

/** `\[[^\]\n]{0,120}\]` at `at`: its end, or -1. */
function insertionEnd(text: string, at: number, to: number): number {
  let end = at + 1;
  while (end < to && end - at - 1 < LONGEST_INSERTION && text[end] !== ']' && text[end] !== '\n') end += 1;
  return end < to && text[end] === ']' ? end + 1 : -1;
}

/** `\.\s?\.\s?\.` at `at`: its end, or -1. */
function dotsEnd(text: string, to: number, at: number): number {
  let end = at + 1;
  for (let dot = 0; dot < 2; dot += 1) {
    if ((classAt(text, to, end) & SPACE) !== 0) end += 1;
    if (codeAt(text, to, end) !== 0x2e) return -1;
    end += 1;
  }
  return end;
}

/** `(?:\p{L}\.){2,}` at `at`: its end, or -1. */
function initialsEnd(text: string, to: number, at: number): number {
  let end = at;
  while ((classAt(text, to, end) & LETTER) !== 0 && codeAt(text, to, end + 1) === 0x2e) end += 2;
  return end - at >= 4 ? end : -1;
}

/** `\p{N}+(?:[.,:]\p{N}+)*\p{L}{0,2}` at `at` (a digit): its end. */
function numberEnd(text: string, to: number, at: number): number {
  let end = at + 1;
  while ((classAt(text, to, end) & NUMBER) !== 0) end += 1;
  while (isNumberSeparator(codeAt(text, to, end)) && (classAt(text, to, end + 1) & NUMBER) !== 0) {
    end += 2;
    while ((classAt(text, to, end) & NUMBER) !== 0) end += 1;
  }
  for (let letters = 0; letters < 2 && (classAt(text, to, end) & LETTER) !== 0; letters += 1) end += 1;
  return end;
}

/** `[\p{L}\p{M}\p{N}]+(?:['’‘`ʼ][\p{L}\p{M}\p{N}]+)*` at `at`: its end. */
function wordEnd(text: string, to: number, at: number): number {
  let end = at + 1;
  while ((classAt(text, to, end) & WORD_PART) !== 0) end += 1;
  while (isApostrophe(codeAt(text, to, end)) && (classAt(text, to, end + 1) & WORD_PART) !== 0) {
    end += 2;
    while ((classAt(text, to, end) & WORD_PART) !== 0) end += 1;
  }
  return end;
}

/** The classes of the code unit at `at`, none at or past `to`. */
function classAt(text: string, to: number, at: number): number {
  return at < to ? charClass(text.charCodeAt(at)) : 0;
}

/** The code unit at `at`, or -1 at or past `to`. */
function codeAt(text: string, to: number, at: number): number {
  return at < to ? text.charCodeAt(at) : -1;
}

function isNumberSeparator(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x3a;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018 || code === 0x60 || code === 0x2bc;
}

function hasSurrogateIn(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code >= 0xd800 && code <= 0xdfff) return true;
  }
  return false;
}

/** The comparable form as one string ("iran never won a war"), for display and tests. */
export function normalisedText(text: string): string {
  return normaliseWords(text).words.join(' ');
}
