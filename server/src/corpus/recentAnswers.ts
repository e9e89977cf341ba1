/**
 * How much is kept: answers of a hover's quotes, as the pointer moves over an article's quotes
 * and back. Bounded by their size (a quote carried by thousands of articles has thousands of
 * matches, each a few hundred bytes) rather than by their number: four answers were kept, and
 * hovering in turn over the eight linked quotes of one article of 10,000 generated ones worked
 * every answer out again (4 to 12 ms each; a quote carried by 2,472 articles, 11.5).
 */
const KEPT_SIZE = 20_000;
/** Answers kept however small they are: each holds its key, and an answer of nothing is still one. */
const KEPT = 64;
/**
 * How long after giving a due answer its fresh one is worked out. Long enough that the request
 * given the old answer has been written out first: its reply waits for the next turn of the
 * event loop, which would otherwise run the work first.
 */
const REFRESH_DELAY_MS = 3;

export interface RecentAnswersOptions<T> {
  /** How much an answer counts towards `keptSize` (matches, paraphrases): 1 by default. */
  readonly sizeOf?: (value: T) => number;
  readonly keptSize?: number;
  readonly refreshDelayMs?: number;
}

interface Known<T> {
  readonly value: T;
  readonly size: number;
  readonly madeAt: number;
  /** Still given, but worked out afresh after the next time it is asked for. */
  due: boolean;
}

/**
 * The last few answers of a query about the corpus, forgotten when the corpus changes. A widely
 * carried quote has thousands of matches to verify and describe; asked again with nothing
 * changed, the answer is the same.
 */
export class RecentAnswers<T> {
  /** In the order they were last asked for, the least recently first. */
  private readonly answers = new Map<string, Known<T>>();
  private readonly refreshing = new Set<string>();
  private size = 0;
  private readonly sizeOf: (value: T) => number;
  private readonly keptSize: number;
  private readonly refreshDelayMs: number;

  constructor({ sizeOf = () => 1, keptSize = KEPT_SIZE, refreshDelayMs = REFRESH_DELAY_MS }: RecentAnswersOptions<T> = {}) {
    this.sizeOf = sizeOf;
    this.keptSize = keptSize;
    this.refreshDelayMs = refreshDelayMs;
  }

  answer(key: string, work: () => T): T {
    const known = this.answers.get(key);
    if (known !== undefined) {
      this.answers.delete(key);
      this.answers.set(key, known);
      if (known.due) this.refreshSoon(key, work);
      return known.value;
    }
    return this.remember(key, work());
  }

  forgetAll(): void {
    this.answers.clear();
    this.size = 0;
  }

  /**
   * Answers made more than `ageMs` ago fall due: the next question gets one at once, as it is,
   * and starts its fresh one (for the question after). For a corpus that only grows while a
   * scan reads it, where an answer a moment old lacks at most the matches in the last files read.
   */
  dueOlderThan(ageMs: number): void {
    const now = performance.now();
    for (const known of this.answers.values()) if (now - known.madeAt > ageMs) known.due = true;
  }

  private remember(key: string, value: T): T {
    this.forget(key);
    const size = this.sizeOf(value);
    this.answers.set(key, { value, size, madeAt: performance.now(), due: false });
    this.size += size;
    // The newest answer stays, however large: it is the one being asked about.
    for (const oldest of this.answers.keys()) {
      if (oldest === key || (this.answers.size <= KEPT && this.size <= this.keptSize)) break;
      this.forget(oldest);
    }
    return value;
  }

  private forget(key: string): void {
    const known = this.answers.get(key);
    if (known === undefined) return;
    this.answers.delete(key);
    this.size -= known.size;
  }

  private refreshSoon(key: string, work: () => T): void {
    if (this.refreshing.has(key)) return;
    this.refreshing.add(key);
    setTimeout(() => {
      this.refreshing.delete(key);
      // Forgotten meanwhile (the corpus changed otherwise), or already fresh: nothing to do.
      if (this.answers.get(key)?.due) this.remember(key, work());
    }, this.refreshDelayMs).unref();
  }
}
