import type { QuoteCluster } from './types';

/**
 * The clusters of one state of the corpus, looked up by their member quotes. Built once per
 * clustering: a corpus whose quotes are copied into hundreds of articles has over a million
 * members, too many to walk for every question.
 */
export class ClusterIndex {
  private readonly byArticle = new Map<string, Map<string, QuoteCluster>>();
  private readonly articleCounts = new WeakMap<QuoteCluster, number>();

  constructor(readonly clusters: readonly QuoteCluster[]) {
    for (const cluster of clusters) {
      for (const { articleId, quoteId } of cluster.occurrences) {
        let quotes = this.byArticle.get(articleId);
        if (!quotes) this.byArticle.set(articleId, (quotes = new Map()));
        quotes.set(quoteId, cluster);
      }
    }
  }

  clusterOf(articleId: string, quoteId: string): QuoteCluster | undefined {
    return this.byArticle.get(articleId)?.get(quoteId);
  }

  /** How many articles carry the cluster's utterance, verbatim or restated. */
  articleCount(cluster: QuoteCluster): number {
    let count = this.articleCounts.get(cluster);
    if (count === undefined) this.articleCounts.set(cluster, (count = articlesCarrying(cluster).size));
    return count;
  }
}

/** The articles that carry a cluster's utterance, verbatim or restated. */
export function articlesCarrying(cluster: QuoteCluster): Set<string> {
  const articles = new Set<string>();
  for (const { articleId } of cluster.occurrences) articles.add(articleId);
  for (const { articleId } of cluster.paraphrases) articles.add(articleId);
  return articles;
}
