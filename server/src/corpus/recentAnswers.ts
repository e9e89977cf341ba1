/**
 * Answers kept: a hover asks about one quote several times as the pointer moves over it. Few,
 * because the matches of a quote carried by thousands of articles take megabytes.
 */
const KEPT = 4;

/**
 * The last few answers of a query about the corpus, forgotten when the corpus changes. A widely
 * carried quote has thousands of matches to verify and describe; asked again with nothing
 * changed, the answer is the same.
 */
export class RecentAnswers<T> {
  private readonly answers = new Map<string, { value: T; madeAt: number }>();

  answer(key: string, work: () => T): T {
    const known = this.answers.get(key);
    if (known !== undefined) return known.value;
    const value = work();
    if (this.answers.size >= KEPT) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, { value, madeAt: performance.now() });
    return value;
  }

  forgetAll(): void {
    this.answers.clear();
  }

  /** Forgets the answers made more than `ageMs` ago. */
  forgetOlderThan(ageMs: number): void {
    const now = performance.now();
    for (const [key, { madeAt }] of this.answers) if (now - madeAt > ageMs) this.answers.delete(key);
  }
}
