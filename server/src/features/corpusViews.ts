import {
  QuoteLinksRequest,
  QuoteMapRequest,
  SpeakersRequest,
  type ArticleLocation,
  type CorpusSpeaker,
  type LinkKind,
  type QuoteMapArticle,
  type QuoteMapResult,
  type SpeakerQuote,
} from '../../../common/protocol';
import type { QuoteCluster } from '../corpus/matching';
import type { FeatureContext } from './context';
import { itemAt } from './itemAt';
import { articleName, offsetIn, rangeIn } from './positions';
import { articleLocation, quoteLinks } from './quoteLinks';
import { articleOutlet } from '../corpus/articleOutlet';

/** The custom requests behind the client's views: quote links at a position, the quote map, the speakers tree. */
export function registerCorpusViews({ connection, documents, analyses, corpus, links }: FeatureContext): void {
  connection.onRequest(QuoteLinksRequest, async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const article = document ? await analyses.get(document) : corpus.get(textDocument.uri);
    if (!article?.analysis) return null;
    const item = itemAt(article.analysis, offsetIn(article, position));
    return item?.kind === 'quote' ? quoteLinks(corpus, links, article, item.quote) : null;
  });

  connection.onRequest(QuoteMapRequest, async (): Promise<QuoteMapResult> => {
    const clusters = await links.crossArticleClusters();
    const uris = [...new Set(clusters.flatMap((cluster) => [...cluster.occurrences.map((o) => o.articleId), ...cluster.paraphrases.map((p) => p.articleId)]))].sort();
    const articles: QuoteMapArticle[] = uris.map((uri) => {
      const article = corpus.get(uri);
      return { uri, article: articleName(uri), outlet: article?.analysis ? articleOutlet(article.text, article.analysis) : null };
    });
    const column = new Map(uris.map((uri, index) => [uri, index]));
    const quotes = clusters.map((cluster) => {
      const first = cluster.occurrences[0];
      const speaker = first ? (corpus.get(first.articleId)?.analysis?.quotes.find((quote) => quote.id === first.quoteId)?.speaker ?? null) : null;
      const cells = [
        ...cluster.occurrences.map((occurrence) => ({ uri: occurrence.articleId, kind: occurrence.kind, start: occurrence.start, end: occurrence.end, text: occurrence.text })),
        ...cluster.paraphrases.map((paraphrase) => ({ uri: paraphrase.articleId, kind: 'paraphrase' as const, start: paraphrase.start, end: paraphrase.end, text: paraphrase.text })),
      ].flatMap(({ uri, kind, start, end, text }) => {
        const article = corpus.get(uri);
        return article ? [{ article: column.get(uri)!, kind, range: rangeIn(article, start, end), text }] : [];
      });
      return { id: cluster.id, text: cluster.text, speaker, cells };
    });
    return { articles, quotes };
  });

  connection.onRequest(SpeakersRequest, async () => {
    const clusterOf = new Map<string, QuoteCluster>();
    for (const cluster of await links.clusters()) {
      for (const occurrence of cluster.occurrences) clusterOf.set(`${occurrence.articleId}#${occurrence.quoteId}`, cluster);
    }
    const locate = (uri: string, start: number, end: number) => articleLocation(corpus, uri, start, end);
    const speakers: CorpusSpeaker[] = links.entities().map((entity) => {
      // One entry per utterance: copies of a quote in several articles share their cluster.
      const quotes = new Map<string, SpeakerQuote>();
      for (const { articleId, speakerName } of entity.articles) {
        for (const quote of corpus.get(articleId)?.analysis?.quotes ?? []) {
          if (quote.speaker !== speakerName) continue;
          const cluster = clusterOf.get(`${articleId}#${quote.id}`);
          const key = cluster?.id ?? `${articleId}#${quote.id}`;
          if (quotes.has(key)) continue;
          const occurrences: SpeakerQuote['occurrences'] = cluster
            ? [
                ...cluster.occurrences.flatMap((o) => withKind(locate(o.articleId, o.start, o.end), o.kind)),
                ...cluster.paraphrases.flatMap((p) => withKind(locate(p.articleId, p.start, p.end), 'paraphrase')),
              ]
            : withKind(locate(articleId, quote.start, quote.end), 'exact');
          quotes.set(key, { text: cluster?.text ?? quote.text, occurrences });
        }
      }
      return {
        name: entity.name,
        aliases: [...entity.aliases],
        mentions: entity.articles.reduce((count, { mentions }) => count + mentions.length, 0),
        quotes: [...quotes.values()],
      };
    });
    return { speakers: speakers.sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name)) };
  });
}

function withKind(location: ArticleLocation | null, kind: LinkKind): (ArticleLocation & { kind: LinkKind })[] {
  return location ? [{ ...location, kind }] : [];
}
