import { MAX_GAP_WORDS } from './thresholds';

/** A normalised quote as word ids, split into segments at ellipses and bracketed insertions. */
export interface WordSequence {
  readonly ids: ArrayLike<number>;
  readonly segmentStarts: ArrayLike<number>;
}

/** A stretch of word indices, `to` exclusive. */
export interface WordRange {
  readonly from: number;
  readonly to: number;
}

/** A run of words two sequences share: where it starts in each, and its length. */
export interface SharedRun {
  readonly leftFrom: number;
  readonly rightFrom: number;
  readonly length: number;
}

export function sameWords(left: ArrayLike<number>, right: ArrayLike<number>): boolean {
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i += 1) if (left[i] !== right[i]) return false;
  return true;
}

/**
 * Where `inner` stands inside `outer`: each of its segments found in order, consecutive
 * segments at most MAX_GAP_WORDS apart. Returns the covered stretch of `outer`, or null.
 */
export function containedAt(inner: WordSequence, outer: WordSequence): WordRange | null {
  const segments = segmentRanges(inner);
  const first = segments[0];
  if (first === undefined) return null;
  for (let at = 0; at + first.to - first.from <= outer.ids.length; at += 1) {
    if (!runAt(inner.ids, first, outer.ids, at)) continue;
    let end = at + (first.to - first.from);
    let placed = true;
    for (let s = 1; s < segments.length && placed; s += 1) {
      const segment = segments[s] as WordRange;
      const found = findRun(inner.ids, segment, outer.ids, end, end + MAX_GAP_WORDS);
      if (found < 0) placed = false;
      else end = found + (segment.to - segment.from);
    }
    if (placed) return { from: at, to: end };
  }
  return null;
}

/** The longest run of consecutive equal words (dynamic programming over one rolling row). */
export function longestSharedRun(left: ArrayLike<number>, right: ArrayLike<number>): SharedRun {
  let best: SharedRun = { leftFrom: 0, rightFrom: 0, length: 0 };
  let previous = new Int32Array(right.length + 1);
  let current = new Int32Array(right.length + 1);
  for (let i = 1; i <= left.length; i += 1) {
    const word = left[i - 1];
    for (let j = 1; j <= right.length; j += 1) {
      const run = word === right[j - 1] ? (previous[j - 1] ?? 0) + 1 : 0;
      current[j] = run;
      if (run > best.length) best = { leftFrom: i - run, rightFrom: j - run, length: run };
    }
    [previous, current] = [current, previous];
  }
  return best;
}

export function segmentRanges(sequence: WordSequence): WordRange[] {
  const ranges: WordRange[] = [];
  for (let s = 0; s < sequence.segmentStarts.length; s += 1) {
    const from = sequence.segmentStarts[s] ?? 0;
    const to = s + 1 < sequence.segmentStarts.length ? (sequence.segmentStarts[s + 1] ?? 0) : sequence.ids.length;
    if (to > from) ranges.push({ from, to });
  }
  return ranges;
}

function runAt(ids: ArrayLike<number>, range: WordRange, outer: ArrayLike<number>, at: number): boolean {
  for (let k = 0; k < range.to - range.from; k += 1) if (ids[range.from + k] !== outer[at + k]) return false;
  return true;
}

function findRun(ids: ArrayLike<number>, range: WordRange, outer: ArrayLike<number>, from: number, until: number): number {
  const length = range.to - range.from;
  for (let at = from; at <= until && at + length <= outer.length; at += 1) if (runAt(ids, range, outer, at)) return at;
  return -1;
}
