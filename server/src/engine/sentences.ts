import quoteTags from './data/quoteTags.json';
import { charClass, LETTER, SPACE } from './charClasses';
import { isAbbreviation } from './tokens';

const TAG_VERBS = new Set(quoteTags.tagVerbs);

/** A sentence: offsets into the article, plus the paragraph (line) it belongs to. */
export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

interface Range {
  start: number;
  end: number;
}

const TERMINAL = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])/gu;

/**
 * Splits the text into sentences, one paragraph per line. Quoted stretches in `unbreakable`
 * stay whole, so a quote of several sentences and its "…," X said lie in one sentence.
 */
export function splitSentences(text: string, unbreakable: readonly Range[] = []): Sentence[] {
  const sentences: Sentence[] = [];
  const shields = [...unbreakable].filter((range) => range.end - range.start < 2000).sort((a, b) => a.start - b.start);
  let paragraph = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (text.slice(lineStart, lineEnd).trim() !== '') {
      for (const { start, end } of splitLine(text, lineStart, lineEnd, shields)) sentences.push({ start, end, paragraph });
      paragraph += 1;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return sentences;
}

function splitLine(text: string, lineStart: number, lineEnd: number, shields: readonly Range[]): Range[] {
  const line = text.slice(lineStart, lineEnd);
  const ranges: Range[] = [];
  let start = lineStart;
  TERMINAL.lastIndex = 0;
  for (let match = TERMINAL.exec(line); match !== null; match = TERMINAL.exec(line)) {
    const boundary = lineStart + match.index + match[0].length;
    if (isInside(boundary, shields) || endsWithAbbreviation(text, lineStart + match.index, start)) continue;
    if (quoteOpensSentence(text, start, lineStart + match.index, shields) && dialogueTagFollows(text, boundary, lineEnd)) continue;
    pushTrimmed(text, start, boundary, ranges);
    start = boundary;
  }
  pushTrimmed(text, start, lineEnd, ranges);
  return ranges;
}

/** True when the punctuation at `at` ends a quote that the sentence opens with ('"Why?" …'). */
function quoteOpensSentence(text: string, sentenceStart: number, at: number, shields: readonly Range[]): boolean {
  const quote = shields.find((range) => range.start < at && at < range.end);
  return quote !== undefined && /^[\s"“‘'(\[]*$/u.test(text.slice(sentenceStart, quote.start));
}

/** '"Why?" Graham asked.': a short tag with a speech verb after a quote belongs to the quote's sentence. */
function dialogueTagFollows(text: string, from: number, lineEnd: number): boolean {
  const rest = text.slice(from, Math.min(lineEnd, from + 120));
  const stop = rest.search(/[.!?]["”’]?(?:\s|$)/u);
  const words = (stop < 0 ? rest : rest.slice(0, stop)).match(/[\p{L}'’-]+/gu) ?? [];
  const first = words[0] ?? '';
  if (!/^\p{Lu}/u.test(first) && !/^(?:he|she|they)$/u.test(first)) return false;
  return words.slice(1, 12).some((word) => TAG_VERBS.has(word));
}

function isInside(offset: number, shields: readonly Range[]): boolean {
  return shields.some((range) => range.start < offset && offset < range.end);
}

function endsWithAbbreviation(text: string, dot: number, sentenceStart: number): boolean {
  if (text[dot] !== '.') return false;
  let wordStart = dot;
  while (wordStart > sentenceStart && isAbbreviationUnit(text.charCodeAt(wordStart - 1))) wordStart -= 1;
  return isAbbreviation(text.slice(wordStart, dot + 1));
}

function pushTrimmed(text: string, start: number, end: number, ranges: Range[]): void {
  let from = start;
  let to = end;
  while (from < to && (charClass(text.charCodeAt(from)) & SPACE) !== 0) from += 1;
  while (to > from && (charClass(text.charCodeAt(to - 1)) & SPACE) !== 0) to -= 1;
  if (to > from) ranges.push({ start: from, end: to });
}

/** A letter, dot or hyphen: what an abbreviation ("U.S.", "Gov.", "D-N.Y.") is made of. */
function isAbbreviationUnit(code: number): boolean {
  return code === 0x2e || code === 0x2d || (charClass(code) & LETTER) !== 0;
}

/** Index of the sentence that holds `offset` (or the last one starting before it), -1 if none. */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((sentences[middle] as Sentence).start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
