import type { Range } from './spans';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const OPENING_CONTEXT = /[\s([{\u2014\u2013-]/;
const CLOSING_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013-]/;

/**
 * The scorer's own reading of quote marks (kept apart from the engine, which is what is being
 * measured): inner ranges of the outermost quoted stretches, paragraph by paragraph. A paragraph
 * that ends inside an open quote yields the stretch to its end (the multi-paragraph convention).
 */
export function findQuotedStretches(text: string): Range[] {
  const stretches: Range[] = [];
  let paragraphStart = 0;
  for (const paragraph of text.split('\n')) {
    const doubles = doubleQuoted(paragraph);
    const singles = singleQuoted(paragraph).filter((single) => !doubles.some((d) => d.start <= single.start && single.end <= d.end));
    for (const range of [...doubles, ...singles]) {
      const inner = trimRange(paragraph, range);
      if (inner.end > inner.start) stretches.push({ start: paragraphStart + inner.start, end: paragraphStart + inner.end });
    }
    paragraphStart += paragraph.length + 1;
  }
  return stretches.sort((a, b) => a.start - b.start);
}

function doubleQuoted(paragraph: string): Range[] {
  const found: Range[] = [];
  let depth = 0;
  let outerStart = 0;
  for (let i = 0; i < paragraph.length; i += 1) {
    const role = doubleMarkRole(paragraph, i, depth > 0);
    if (role === 'open') {
      if (depth === 0) outerStart = i + 1;
      depth += 1;
    } else if (role === 'close' && depth > 0) {
      depth -= 1;
      if (depth === 0) found.push({ start: outerStart, end: i });
    }
  }
  if (depth > 0) found.push({ start: outerStart, end: paragraph.length });
  return found;
}

/** Curly marks say which side they are; a straight mark is read from its neighbours (mixed pairs such as “…" occur). */
function doubleMarkRole(paragraph: string, i: number, inside: boolean): 'open' | 'close' | null {
  const char = paragraph[i];
  if (char === '“') return 'open';
  if (char === '”') return 'close';
  if (char !== '"') return null;
  const before = paragraph[i - 1];
  const after = paragraph[i + 1];
  const opensHere = (before === undefined || OPENING_CONTEXT.test(before)) && after !== undefined && !/\s/.test(after);
  const closesHere = (after === undefined || CLOSING_CONTEXT.test(after)) && before !== undefined && !/\s/.test(before);
  if (opensHere && !closesHere) return 'open';
  if (closesHere && !opensHere) return 'close';
  return inside ? 'close' : 'open';
}

/** Single marks count only as a pair that is not an apostrophe: opening before a word, closing after one. */
function singleQuoted(paragraph: string): Range[] {
  const found: Range[] = [];
  let openAt = -1;
  for (let i = 0; i < paragraph.length; i += 1) {
    const char = paragraph[i];
    if (char !== "'" && char !== '‘' && char !== '’') continue;
    const before = paragraph[i - 1];
    const after = paragraph[i + 1];
    const letterBefore = before !== undefined && LETTER_OR_DIGIT.test(before);
    const letterAfter = after !== undefined && LETTER_OR_DIGIT.test(after);
    if (letterBefore && letterAfter) continue;
    if (openAt < 0 && !letterBefore && after !== undefined && !/\s/.test(after) && char !== '’') openAt = i;
    else if (openAt >= 0 && before !== undefined && !/\s/.test(before) && !letterAfter && char !== '‘') {
      found.push({ start: openAt + 1, end: i });
      openAt = -1;
    }
  }
  return found;
}

function trimRange(text: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return { start, end };
}
