interface Range {
  start: number;
  end: number;
}

/**
 * Stretches of the text (quotes, outlet mentions) sorted by start, with the furthest end reached so
 * far: "does this stretch overlap / lie inside any of them" is a binary search, not a scan of all.
 */
export class SpanIndex {
  // Typed arrays, of one kind whoever builds them (see packedMap): the queries are inlined into
  // the engine's busiest functions, and each was deoptimised at the first index of the other kind.
  private readonly starts: Int32Array;
  /** furthestEnd[k]: the largest end among the first k + 1 spans by start. */
  private readonly furthestEnd: Int32Array;

  constructor(spans: Iterable<Range>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = new Int32Array(sorted.length);
    this.furthestEnd = new Int32Array(sorted.length);
    let furthest = 0;
    sorted.forEach((span, index) => {
      furthest = index === 0 ? span.end : Math.max(furthest, span.end);
      this.starts[index] = span.start;
      this.furthestEnd[index] = furthest;
    });
  }

  /** Some span has `span.start < end && span.end > start`. */
  overlaps(start: number, end: number): boolean {
    const count = this.countStartingBefore(end, false);
    return count > 0 && (this.furthestEnd[count - 1] as number) > start;
  }

  /** Some span has `span.start <= start && span.end >= end`. */
  contains(start: number, end: number): boolean {
    const count = this.countStartingBefore(start, true);
    return count > 0 && (this.furthestEnd[count - 1] as number) >= end;
  }

  /** How many spans start before `at` (or at it, when `inclusive`). */
  private countStartingBefore(at: number, inclusive: boolean): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = this.starts[middle] as number;
      if (start < at || (inclusive && start === at)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
