/** Articles whose answers are kept; the one being typed in is always among the most recent. */
const ARTICLES_KEPT = 16;

interface ArticleAnswers {
  /** The corpus change after which the answers hold: the last change to any other article. */
  readonly othersChange: number;
  readonly byQuote: Map<string, boolean>;
}

/**
 * Remembers whether another article carries a quote. The answer depends only on the quote's
 * words and on the other articles, so it survives edits of the quote's own article: typing in a
 * long article asks again for every one of its quotes, and only the edited ones are worked out.
 * Any change to another article forgets the answers.
 */
export class CarriedMemo {
  private changes = 0;
  /** The latest change, and the latest one to an article other than that one's. */
  private latest = { change: 0, articleId: '' };
  private latestByOther = 0;
  private readonly answers = new Map<string, ArticleAnswers>();
  /** The article last made the most recent in `answers`. */
  private newest = '';

  /** Called whenever an article is added, replaced or removed. */
  noteChange(articleId: string): void {
    this.changes += 1;
    if (articleId !== this.latest.articleId) {
      this.latestByOther = this.latest.change;
      this.latest = { change: this.changes, articleId };
    } else {
      this.latest.change = this.changes;
    }
  }

  /** Whether answers about the article's quotes are kept (they may still be stale). */
  remembers(articleId: string): boolean {
    return this.answers.has(articleId);
  }

  /** `quoteKey` identifies the quote's words; `work` answers when nothing is remembered. */
  carried(articleId: string, quoteKey: string, work: () => boolean): boolean {
    const othersChange = articleId === this.latest.articleId ? this.latestByOther : this.latest.change;
    const known = this.refreshed(articleId, this.answers.get(articleId), othersChange);
    const remembered = known.byQuote.get(quoteKey);
    if (remembered !== undefined) return remembered;
    const answer = work();
    known.byQuote.set(quoteKey, answer);
    return answer;
  }

  /**
   * The article's answers, kept afresh when the other articles changed since, and made the most
   * recent (the Map's order is the recency order; the article asked about last is left in place).
   */
  private refreshed(articleId: string, known: ArticleAnswers | undefined, othersChange: number): ArticleAnswers {
    const answers = known?.othersChange === othersChange ? known : { othersChange, byQuote: new Map<string, boolean>() };
    if (answers === known && this.newest === articleId) return answers;
    this.newest = articleId;
    this.answers.delete(articleId);
    this.answers.set(articleId, answers);
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= ARTICLES_KEPT) break;
      this.answers.delete(oldest);
    }
    return answers;
  }
}
