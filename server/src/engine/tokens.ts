import { charClass, hasSurrogate, LETTER, MARK, NUMBER } from './charClasses';
import titles from './data/titles.json';
import { TokenIndex } from './tokenIndex';

/** A word of the text with its offsets; `text` keeps abbreviation dots ("Sen.", "U.S."). */
export interface Token {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set(titles.abbreviations.map((word) => word.toLowerCase()));

// Letter-dot runs ("U.S.", "D.C.") first, then words with inner apostrophes and hyphens ("Iran's", "al-Muhandis").
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}@#][\p{L}\p{M}\p{N}_]*(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;

// Names, phrases and headlines ask for the words of many stretches of one article: its words are found once.
const INDEXED_LENGTH = 500;
let index: TokenIndex | null = null;

/** Splits `text[from, to)` into words; a dot after an abbreviation or an initial stays with its word. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  if (text.length < INDEXED_LENGTH || (from === 0 && to === text.length)) return scan(text, from, to, null);
  if (index === null || index.text !== text) {
    const matchEnds: number[] = [];
    index = new TokenIndex(text, scan(text, 0, text.length, matchEnds), matchEnds);
  }
  return index.between(from, to) ?? scan(text, from, to, null);
}

/** The words of `text[from, to)`; `matchEnds`, when given, gets where each word ended before its dot was added. */
function scan(text: string, from: number, to: number, matchEnds: number[] | null): Token[] {
  if (hasSurrogate(text)) return scanWithPattern(text, from, to, matchEnds);
  const tokens: Token[] = [];
  let at = from;
  while (at < to) {
    const matchEnd = wordEndAt(text, at);
    if (matchEnd < 0) {
      at += 1;
      continue;
    }
    if (matchEnd > to) break;
    matchEnds?.push(matchEnd);
    let end = matchEnd;
    if (text[end] === '.' && end + 1 <= to && keepsDot(text.slice(at, matchEnd))) end += 1;
    tokens.push({ start: at, end, text: text.slice(at, end) });
    at = end;
  }
  return tokens;
}

/** `scan` by the WORD pattern itself, for text with surrogates. */
function scanWithPattern(text: string, from: number, to: number, matchEnds: number[] | null): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match !== null && match.index < to; match = WORD.exec(text)) {
    let end = match.index + match[0].length;
    if (end > to) break;
    matchEnds?.push(end);
    if (text[end] === '.' && end + 1 <= to && keepsDot(match[0])) end += 1;
    tokens.push({ start: match.index, end, text: text.slice(match.index, end) });
    WORD.lastIndex = end;
  }
  return tokens;
}

const WORD_PART = LETTER | MARK | NUMBER;

/** Where a match of WORD starting at `at` ends, or -1 when none starts there (text without surrogates). */
function wordEndAt(text: string, at: number): number {
  // Every read stays inside the text: one past its end gives NaN, at which V8 deoptimised the
  // optimised tokenizer (see packedMap).
  const { length } = text;
  const code = text.charCodeAt(at);
  const kind = charClass(code);
  if ((kind & LETTER) !== 0) {
    let end = at;
    while (end + 1 < length && (charClass(text.charCodeAt(end)) & LETTER) !== 0 && text.charCodeAt(end + 1) === 0x2e) end += 2;
    if (end - at >= 4) return end;
  } else if ((kind & NUMBER) === 0 && code !== 0x40 && code !== 0x23) return -1;
  let end = at + 1;
  while (end < length && ((charClass(text.charCodeAt(end)) & WORD_PART) !== 0 || text.charCodeAt(end) === 0x5f)) end += 1;
  while (end + 1 < length && isWordJoiner(text.charCodeAt(end)) && (charClass(text.charCodeAt(end + 1)) & WORD_PART) !== 0) {
    end += 2;
    while (end < length && (charClass(text.charCodeAt(end)) & WORD_PART) !== 0) end += 1;
  }
  return end;
}

/** The apostrophes and hyphen that join the parts of one word ("Iran's", "al-Muhandis"). */
function isWordJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2d;
}

// Held once: a regular expression literal inside a function is a new object at every call, and
// these are asked about nearly every word (with the acronym and -ly tests, up to 480,000 objects
// in an engine pass over the bench's 5,000 articles).
const ONE_CAPITAL = /^\p{Lu}$/u;
const CAPITALIZED = /^[@#]?\p{Lu}/u;

function keepsDot(word: string): boolean {
  return ONE_CAPITAL.test(word) || ABBREVIATIONS.has(`${word.toLowerCase()}.`);
}

/** True for "Iran", "U.S.", "de" is not; a word that starts with a capital letter or is all caps. */
export function isCapitalized(word: string): boolean {
  return CAPITALIZED.test(word);
}

export function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase()) || /^(?:\p{L}\.){2,}$/u.test(word) || /^\p{Lu}\.$/u.test(word);
}
