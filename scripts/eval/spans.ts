/** A stretch of text, UTF-16 offsets, end exclusive; several fragments for a discontinuous brat span. */
export interface Range {
  start: number;
  end: number;
}

export function overlapLength(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function overlaps(a: Range, b: Range): boolean {
  return overlapLength(a, b) > 0;
}

/** Total overlap between two fragment lists (fragments within one list do not overlap each other). */
export function fragmentsOverlapLength(a: readonly Range[], b: readonly Range[]): number {
  let total = 0;
  for (const x of a) for (const y of b) total += overlapLength(x, y);
  return total;
}
