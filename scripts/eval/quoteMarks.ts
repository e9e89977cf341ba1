import type { Range } from './spans';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

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
  const open: string[] = [];
  let outerStart = 0;
  for (let i = 0; i < paragraph.length; i += 1) {
    const char = paragraph[i];
    const closes = char === '”' || (char === '"' && open[open.length - 1] === '"');
    const opens = char === '“' || (char === '"' && !closes);
    if (opens) {
      if (open.length === 0) outerStart = i + 1;
      open.push(char);
    } else if (closes && open.length > 0) {
      open.pop();
      if (open.length === 0) found.push({ start: outerStart, end: i });
    }
  }
  if (open.length > 0) found.push({ start: outerStart, end: paragraph.length });
  return found;
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
