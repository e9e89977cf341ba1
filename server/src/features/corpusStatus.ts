import type { Connection } from 'vscode-languageserver';
import { CorpusStatusNotification, type CorpusStatusParams } from '../../../common/protocol';
import type { Article, Corpus } from '../corpus/corpus';
import { quoteCount } from '../corpus/workers/analysisCodec';

export interface CorpusCounts {
  speakers(): number;
  linkedQuotes(): number;
  /** True while the two counts above are still being worked out: indexing is not over until they are. */
  counting(): boolean;
  /** How many times the counts have been worked out. */
  revision(): number;
}

/** Sends the corpus's counts to the client, at most every `delayMs` while files stream in. */
export class CorpusStatusReporter {
  private indexing = false;
  private timer: NodeJS.Timeout | undefined;
  /**
   * What each article adds to the totals, kept as articles change: adding every article up
   * again for each report held the thread for milliseconds at thousands of articles.
   */
  private readonly shares = new Map<string, { quotes: number; skipped: boolean }>();
  private readonly totals = { articles: 0, skipped: 0, quotes: 0 };

  constructor(
    private readonly connection: Connection,
    corpus: Corpus,
    private readonly counts: CorpusCounts,
    private readonly delayMs = 150,
  ) {
    for (const article of corpus.all()) this.count(article.uri, article);
    corpus.onDidChange((uri, article) => this.count(uri, article));
  }

  /** Indexing starting or ending is sent at once: clients wait for it. */
  setIndexing(indexing: boolean): void {
    this.indexing = indexing;
    this.sendNow();
  }

  sendNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.connection.sendNotification(CorpusStatusNotification, this.current());
  }

  schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.connection.sendNotification(CorpusStatusNotification, this.current());
    }, this.delayMs);
  }

  current(): CorpusStatusParams {
    return {
      indexing: this.indexing || this.counts.counting(),
      ...this.totals,
      speakers: this.counts.speakers(),
      linkedQuotes: this.counts.linkedQuotes(),
      countedRevision: this.counts.revision(),
    };
  }

  private count(uri: string, article: Article | undefined): void {
    const before = this.shares.get(uri);
    if (before) {
      this.totals.articles -= 1;
      this.totals.quotes -= before.quotes;
      if (before.skipped) this.totals.skipped -= 1;
      this.shares.delete(uri);
    }
    if (!article) return;
    const share = { quotes: article.analysis ? quoteCount(article.analysis) : 0, skipped: article.analysis === null };
    this.shares.set(uri, share);
    this.totals.articles += 1;
    this.totals.quotes += share.quotes;
    if (share.skipped) this.totals.skipped += 1;
  }
}
