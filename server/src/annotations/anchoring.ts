import type { TextQuote, TextRange } from './types';

/** Replace `[start, end)` with `text`. A list of edits applies in order, each to the text the previous one left. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** How much context a TextQuoteSelector keeps on each side. */
const CONTEXT = 32;
/** More occurrences than this of the exact text are not worth scoring one by one. */
const MAX_CANDIDATES = 2000;

/** The W3C TextQuoteSelector of a range, with context that never splits a surrogate pair. */
export function textQuoteOf(text: string, range: TextRange): TextQuote {
  let prefixStart = Math.max(0, range.start - CONTEXT);
  if (isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, range.end + CONTEXT);
  if (isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd--;
  return { exact: text.slice(range.start, range.end), prefix: text.slice(prefixStart, range.start), suffix: text.slice(range.end, suffixEnd) };
}

/** The one edit that turns `before` into `after`: whatever lies between their common prefix and suffix. */
export function editBetween(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return [{ start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) }];
}

/**
 * Where a range stands after the edits, or null when an edit touched its inside. Text inserted
 * right at either end stays outside the range.
 */
export function mapThroughEdits(range: TextRange, edits: readonly TextEdit[]): TextRange | null {
  let { start, end } = range;
  for (const edit of edits) {
    const delta = edit.text.length - (edit.end - edit.start);
    if (edit.end <= start) {
      start += delta;
      end += delta;
    } else if (edit.start >= end) {
      continue;
    } else {
      return null;
    }
  }
  return { start, end };
}

/**
 * Finds the quote in `text`: at `hint` when the exact words are still there, else at the
 * occurrence whose surrounding words agree best with the quote's context (ties go to the one
 * nearest the hint). An occurrence that shares no context is taken only when it is the only one.
 */
export function locate(text: string, quote: TextQuote, hint: TextRange | null): TextRange | null {
  const { exact } = quote;
  if (exact.length === 0) return null;
  if (hint && hint.end - hint.start === exact.length && text.startsWith(exact, hint.start)) return { start: hint.start, end: hint.end };
  let best: { start: number; score: number; distance: number } | null = null;
  let candidates = 0;
  for (let at = text.indexOf(exact); at >= 0 && candidates < MAX_CANDIDATES; at = text.indexOf(exact, at + 1)) {
    candidates++;
    const score = commonSuffixLength(quote.prefix, text, at) + commonPrefixLength(quote.suffix, text, at + exact.length);
    const distance = hint ? Math.abs(at - hint.start) : at;
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: at, score, distance };
  }
  if (!best || (best.score === 0 && candidates > 1)) return null;
  return { start: best.start, end: best.start + exact.length };
}

/**
 * Moves ranges from one text to the next: through the edits when the words there are
 * unchanged, else by quote and context; null for those that cannot be placed. A range that was
 * unplaced before gets another chance (the edit may have brought its words back).
 */
export function reanchor(
  anchors: readonly { quote: TextQuote; range: TextRange | null }[],
  after: string,
  edits: readonly TextEdit[],
): (TextRange | null)[] {
  return anchors.map(({ quote, range }) => {
    const mapped = range ? mapThroughEdits(range, edits) : null;
    if (mapped && after.slice(mapped.start, mapped.end) === quote.exact) return mapped;
    const hint = range ? (mapped ?? nearestAfterEdits(range, edits)) : null;
    return locate(after, quote, hint);
  });
}

/** A range's approximate place after edits that touched it: its start, shifted by the edits before it. */
function nearestAfterEdits(range: TextRange, edits: readonly TextEdit[]): TextRange {
  let start = range.start;
  for (const edit of edits) {
    if (edit.end <= start) start += edit.text.length - (edit.end - edit.start);
    else if (edit.start < start) start = edit.start;
  }
  return { start, end: start + (range.end - range.start) };
}

/** How many characters at the end of `context` equal those of `text` just before `at`. */
function commonSuffixLength(context: string, text: string, at: number): number {
  let length = 0;
  while (length < context.length && at - length > 0 && context.charCodeAt(context.length - 1 - length) === text.charCodeAt(at - 1 - length)) length++;
  return length;
}

/** How many characters at the start of `context` equal those of `text` from `at`. */
function commonPrefixLength(context: string, text: string, at: number): number {
  let length = 0;
  while (length < context.length && at + length < text.length && context.charCodeAt(length) === text.charCodeAt(at + length)) length++;
  return length;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
