import type { Connection } from 'vscode-languageserver';
import { CorpusStatusNotification, type CorpusStatusParams } from '../../../common/protocol';
import type { Corpus } from '../corpus/corpus';

export interface CorpusCounts {
  speakers(): number;
  linkedQuotes(): number;
  /** True while the two counts above are still being worked out: indexing is not over until they are. */
  counting(): boolean;
}

/** Sends the corpus's counts to the client, at most every `delayMs` while files stream in. */
export class CorpusStatusReporter {
  private indexing = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly corpus: Corpus,
    private readonly counts: CorpusCounts,
    private readonly delayMs = 150,
  ) {}

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
    let articles = 0;
    let skipped = 0;
    let quotes = 0;
    for (const article of this.corpus.all()) {
      articles++;
      if (article.analysis) quotes += article.analysis.quotes.length;
      else skipped++;
    }
    return {
      indexing: this.indexing || this.counts.counting(),
      articles,
      skipped,
      speakers: this.counts.speakers(),
      quotes,
      linkedQuotes: this.counts.linkedQuotes(),
    };
  }
}
