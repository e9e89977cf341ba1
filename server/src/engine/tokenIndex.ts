import type { Token } from './tokens';

/**
 * The words of one whole text, found once, so the words of any stretch of it are a binary search
 * away. A stretch gets exactly what scanning it alone would give; where it would not (a stretch
 * starting inside a word), `between` answers null and the caller scans.
 */
export class TokenIndex {
  /**
   * @param tokens the words of the whole text, in order
   * @param matchEnds for each word, where the word ended before an abbreviation dot was added to it
   */
  constructor(
    readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly matchEnds: readonly number[],
  ) {}

  between(from: number, to: number): Token[] | null {
    const { tokens } = this;
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((tokens[middle] as Token).start < from) low = middle + 1;
      else high = middle;
    }
    // A scan from inside a word would find the rest of that word as a word of its own.
    if (low > 0 && (tokens[low - 1] as Token).end > from) return null;
    const found: Token[] = [];
    for (let k = low; k < tokens.length; k += 1) {
      const token = tokens[k] as Token;
      if (token.start >= to) break;
      if (token.end <= to) {
        found.push(token);
        continue;
      }
      // The stretch ends right before the word's abbreviation dot: the word stays, without its dot.
      if (this.matchEnds[k] === to) found.push({ start: token.start, end: to, text: this.text.slice(token.start, to) });
      break;
    }
    return found;
  }
}
