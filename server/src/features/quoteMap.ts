import type { QuoteMapArticle, QuoteMapCell, QuoteMapResult, QuoteMapRow } from '../../../common/protocol';
import { articleOutlet } from '../corpus/articleOutlet';
import type { Corpus } from '../corpus/corpus';
import type { CorpusLinks } from '../corpus/corpusLinks';
import { articlesCarrying } from '../corpus/matching';
import { articleName, rangeIn } from './positions';

/**
 * At most this many rows and columns. A corpus of thousands of articles copies a quote into
 * hundreds of them: the whole grid would be millions of cells, more than a page can lay out.
 */
export const QUOTE_MAP_MAX_QUOTES = 200;
export const QUOTE_MAP_MAX_ARTICLES = 50;

/**
 * The quotes that more than one article carries (rows, the most widely carried first) by the
 * articles that carry them (columns, in file order): every one, or those carrying the most
 * rows when there are more than the map can show.
 */
export async function quoteMap(corpus: Corpus, links: CorpusLinks): Promise<QuoteMapResult> {
  const index = await links.clusterIndex();
  const shared = (await links.crossArticleClusters())
    .map((cluster) => ({ cluster, articles: index.articleCount(cluster) }))
    .sort((a, b) => b.articles - a.articles || (a.cluster.id < b.cluster.id ? -1 : a.cluster.id > b.cluster.id ? 1 : 0));
  const rows = shared.slice(0, QUOTE_MAP_MAX_QUOTES);

  const rowsCarried = new Map<string, number>();
  for (const { cluster } of rows) {
    for (const uri of articlesCarrying(cluster)) rowsCarried.set(uri, (rowsCarried.get(uri) ?? 0) + 1);
  }
  const shown = [...rowsCarried]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .slice(0, QUOTE_MAP_MAX_ARTICLES)
    .map(([uri]) => uri)
    .sort();
  const column = new Map(shown.map((uri, position) => [uri, position]));
  const articles: QuoteMapArticle[] = shown.map((uri) => {
    const article = corpus.get(uri);
    return { uri, article: articleName(uri), outlet: article?.analysis ? articleOutlet(article.text, article.analysis) : null };
  });

  const quotes: QuoteMapRow[] = rows.map(({ cluster, articles: carriers }) => {
    const first = cluster.occurrences[0];
    const speaker = first ? (corpus.get(first.articleId)?.analysis?.quotes.find((quote) => quote.id === first.quoteId)?.speaker ?? null) : null;
    const places = [
      ...cluster.occurrences.map(({ articleId, kind, start, end, text }) => ({ uri: articleId, kind, start, end, text })),
      ...cluster.paraphrases.map(({ articleId, start, end, text }) => ({ uri: articleId, kind: 'paraphrase' as const, start, end, text })),
    ];
    const cells = places.flatMap(({ uri, kind, start, end, text }): QuoteMapCell[] => {
      const at = column.get(uri);
      const article = at === undefined ? undefined : corpus.get(uri);
      return at !== undefined && article ? [{ article: at, kind, range: rangeIn(article, start, end), text }] : [];
    });
    return { id: cluster.id, text: cluster.text, speaker, articles: carriers, cells };
  });
  return { articles, quotes, totalArticles: rowsCarried.size, totalQuotes: shared.length };
}
