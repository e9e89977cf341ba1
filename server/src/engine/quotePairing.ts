import type { MarkFamily, QuoteMark } from './quoteMarks';

/** Two marks that enclose a quote; `close` is null when the quote is still open at the paragraph's end. */
export interface MarkPair {
  family: MarkFamily;
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the opening mark, where the quoted words start. */
  innerStart: number;
  /** Offset of the closing mark, where the quoted words end. */
  close: number | null;
}

/** Single-quoted stretches are short; a closing mark further away than this belongs to something else. */
const MAX_SINGLE_QUOTE = 800;
/** Deeper nesting than this is stray marks, not quotes within quotes within quotes. */
const MAX_DOUBLE_DEPTH = 3;

/**
 * Pairs the quote marks of one family in one paragraph, left to right. A closing mark with nothing open
 * is a stray (inch mark, possessive) and is skipped. Double marks of the other kind (curly inside
 * straight, or the reverse) nest; a straight opening mark while a straight quote is open restarts it.
 * Of the quotes still open at the paragraph's end only the outermost is returned.
 */
export function pairMarks(marks: readonly QuoteMark[], family: MarkFamily): MarkPair[] {
  const ofFamily = marks.filter((mark) => mark.family === family);
  return family === 'double' ? pairDoubles(ofFamily) : pairSingles(ofFamily);
}

function pairOf(open: QuoteMark, close: QuoteMark | null): MarkPair {
  const innerStart = open.offset + open.length;
  return { family: open.family, open: open.offset, innerStart, close: close?.offset ?? null };
}

function pairDoubles(marks: readonly QuoteMark[]): MarkPair[] {
  const pairs: MarkPair[] = [];
  const stack: QuoteMark[] = [];
  for (const mark of marks) {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (mark.role !== 'close') stack.push(mark);
      continue;
    }
    const closes = mark.role === 'close' || (mark.role === 'either' && top.straight === mark.straight);
    if (closes) {
      stack.pop();
      pairs.push(pairOf(top, mark));
    } else if ((top.straight && mark.straight) || stack.length >= MAX_DOUBLE_DEPTH) {
      stack[stack.length - 1] = mark;
    } else {
      stack.push(mark);
    }
  }
  const outer = stack[0];
  if (outer !== undefined) pairs.push(pairOf(outer, null));
  return pairs;
}

/** A possible possessive (players' union) closes a single quote only when no surer closing mark follows. */
function pairSingles(marks: readonly QuoteMark[]): MarkPair[] {
  const laterSureClose = sureClosesAhead(marks);
  const pairs: MarkPair[] = [];
  let open: QuoteMark | null = null;
  for (const [index, mark] of marks.entries()) {
    if (open !== null && mark.offset - open.offset > MAX_SINGLE_QUOTE) open = null;
    if (mark.role === 'open' || (mark.role === 'either' && open === null)) {
      open = mark;
      continue;
    }
    if (open === null) continue;
    const sureClose = laterSureClose[index + 1];
    if (mark.weak && sureClose !== undefined && sureClose - open.offset <= MAX_SINGLE_QUOTE) continue;
    pairs.push(pairOf(open, mark));
    open = null;
  }
  if (open !== null) pairs.push(pairOf(open, null));
  return pairs;
}

/** For each mark, the offset of the first sure closing mark at or after it before the next opening mark. */
function sureClosesAhead(marks: readonly QuoteMark[]): (number | undefined)[] {
  const ahead = new Array<number | undefined>(marks.length + 1).fill(undefined);
  for (let index = marks.length - 1; index >= 0; index--) {
    const mark = marks[index];
    if (mark === undefined) continue;
    if (mark.role === 'open') ahead[index] = undefined;
    else if (!mark.weak) ahead[index] = mark.offset;
    else ahead[index] = ahead[index + 1];
  }
  return ahead;
}
