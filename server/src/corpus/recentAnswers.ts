/**
 * Answers kept: a hover asks about one quote several times as the pointer moves over it. Few,
 * because the matches of a quote carried by thousands of articles take megabytes.
 */
const KEPT = 4;

/**
 * The last few answers of a query about the corpus, all forgotten whenever the corpus changes.
 * A widely carried quote has thousands of matches to verify and describe; asked again with
 * nothing changed, the answer is the same.
 */
export class RecentAnswers<T> {
  private readonly answers = new Map<string, T>();

  answer(key: string, work: () => T): T {
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const answer = work();
    if (this.answers.size >= KEPT) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, answer);
    return answer;
  }

  forgetAll(): void {
    this.answers.clear();
  }
}
