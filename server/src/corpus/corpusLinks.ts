import type { Article, Corpus } from './corpus';
import { CorpusSpeakers, QuoteMatcher, type CorpusEntity, type Paraphrase, type QuoteCluster, type QuoteMatch } from './matching';

/**
 * Keeps the quote matcher and the corpus-wide speakers in step with the corpus, and answers
 * cross-article questions: which quotes other articles carry, the clusters of the same
 * utterance, and which speakers of different articles are one entity.
 */
export class CorpusLinks {
  private readonly matcher = new QuoteMatcher();
  private readonly speakers = new CorpusSpeakers();
  private clusterCache: QuoteCluster[] | null = null;

  constructor(corpus: Corpus) {
    for (const article of corpus.all()) this.update(article.uri, article);
    corpus.onDidChange((uri, article) => this.update(uri, article));
  }

  /** Verbatim matches of a quote elsewhere: other articles, and repeats within its own. */
  matchesOf(uri: string, quoteId: string): QuoteMatch[] {
    return this.matcher.matchesOf(uri, quoteId);
  }

  paraphrasesOf(uri: string, quoteId: string): Paraphrase[] {
    return this.matcher.paraphrasesOf(uri, quoteId);
  }

  /** Ids of the article's quotes that at least one other article carries. */
  linkedQuoteIds(article: Article): Set<string> {
    const linked = new Set<string>();
    for (const quote of article.analysis?.quotes ?? []) {
      if (this.otherArticlesCarrying(article.uri, quote.id).size > 0) linked.add(quote.id);
    }
    return linked;
  }

  otherArticlesCarrying(uri: string, quoteId: string): Set<string> {
    return new Set(this.matcher.matchesOf(uri, quoteId).map((match) => match.articleId).filter((id) => id !== uri));
  }

  clusters(): QuoteCluster[] {
    this.clusterCache ??= this.matcher.clusters();
    return this.clusterCache;
  }

  /** Clusters whose occurrences stand in more than one article. */
  crossArticleClusters(): QuoteCluster[] {
    return this.clusters().filter((cluster) => new Set(cluster.occurrences.map((occurrence) => occurrence.articleId)).size > 1);
  }

  linkedQuoteCount(): number {
    return this.crossArticleClusters().reduce((count, cluster) => count + cluster.occurrences.length, 0);
  }

  entityOf(uri: string, speakerName: string): CorpusEntity | null {
    return this.speakers.entityOf(uri, speakerName);
  }

  entities(): readonly CorpusEntity[] {
    return this.speakers.entities();
  }

  private update(uri: string, article: Article | undefined): void {
    this.clusterCache = null;
    if (article?.analysis) {
      this.matcher.setArticle(uri, article.text, article.analysis.quotes);
      this.speakers.setArticle(uri, article.analysis.speakers);
    } else {
      this.matcher.removeArticle(uri);
      this.speakers.removeArticle(uri);
    }
  }
}
