/**
 * Converts offsets between UTF-16 code units (JS strings, LSP) and code points (W3C selectors,
 * brat), for one text. Only astral characters (surrogate pairs) make the two differ.
 */
export class CodePoints {
  /** UTF-16 offsets of the high surrogate of every pair, ascending. */
  private readonly pairs: number[] = [];

  constructor(text: string) {
    for (let index = 0; index < text.length - 1; index++) {
      const code = text.charCodeAt(index);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.pairs.push(index);
          index++;
        }
      }
    }
  }

  /** The code point offset of a UTF-16 offset (an offset inside a pair counts as the pair's start). */
  fromUtf16(offset: number): number {
    // Pairs starting before `offset` each took one code unit more than one code point.
    return offset - this.countBelow((pair) => pair < offset - 1) - (this.isInsidePair(offset) ? 1 : 0);
  }

  /** The UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number {
    // The j-th pair (0-based) starts at code point pairs[j] - j.
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.pairs[middle]! - middle < codePoint) low = middle + 1;
      else high = middle;
    }
    return codePoint + low;
  }

  private isInsidePair(offset: number): boolean {
    return this.countBelow((pair) => pair < offset) > this.countBelow((pair) => pair < offset - 1);
  }

  /** How many pairs satisfy a predicate that holds for a prefix of the sorted list. */
  private countBelow(holds: (pair: number) => boolean): number {
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (holds(this.pairs[middle]!)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
