/**
 * Answers kept: a hover asks about one quote several times as the pointer moves over it. Few,
 * because the matches of a quote carried by thousands of articles take megabytes.
 */
const KEPT = 4;
/**
 * How long after giving a due answer its fresh one is worked out. Long enough that the request
 * given the old answer has been written out first: its reply waits for the next turn of the
 * event loop, which would otherwise run the work first.
 */
const REFRESH_DELAY_MS = 3;

interface Known<T> {
  readonly value: T;
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
  private readonly answers = new Map<string, Known<T>>();
  private readonly refreshing = new Set<string>();

  constructor(private readonly refreshDelayMs = REFRESH_DELAY_MS) {}

  answer(key: string, work: () => T): T {
    const known = this.answers.get(key);
    if (known !== undefined) {
      if (known.due) this.refreshSoon(key, work);
      return known.value;
    }
    return this.remember(key, work());
  }

  forgetAll(): void {
    this.answers.clear();
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
    this.answers.delete(key);
    if (this.answers.size >= KEPT) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, { value, madeAt: performance.now(), due: false });
    return value;
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
