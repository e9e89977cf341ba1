import {
  QuoteLinksRequest,
  QuoteMapRequest,
  QuoteOccurrencesRequest,
  SpeakerNamesRequest,
  SpeakersRequest,
  type ArticleLocation,
  type CorpusSpeaker,
  type LinkKind,
  type QuoteOccurrence,
  type SpeakerName,
  type SpeakerQuote,
} from '../../../common/protocol';
import type { FeatureContext } from './context';
import { itemAt } from './itemAt';
import { offsetIn } from './positions';
import { quoteMap } from './quoteMap';
import { articleLocation, quoteLinks } from './quoteLinks';

/** The custom requests behind the client's views: quote links at a position, the quote map, the speakers tree, its quotes' places and the speakers' names. */
export function registerCorpusViews({ connection, documents, analyses, corpus, links }: FeatureContext): void {
  connection.onRequest(QuoteLinksRequest, async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const article = document ? await analyses.get(document) : corpus.get(textDocument.uri);
    if (!article?.analysis) return null;
    const item = itemAt(article.analysis, offsetIn(article, position));
    return item?.kind === 'quote' ? quoteLinks(corpus, links, article, item.quote) : null;
  });

  connection.onRequest(QuoteMapRequest, () => quoteMap(corpus, links));

  connection.onRequest(SpeakersRequest, async () => {
    const index = await links.clusterIndex();
    const speakers: CorpusSpeaker[] = links.entities().map((entity) => {
      // One entry per utterance: copies of a quote in several articles share their cluster.
      const quotes = new Map<string, SpeakerQuote>();
      for (const { articleId, speakerName } of entity.articles) {
        for (const quote of corpus.get(articleId)?.analysis?.quotes ?? []) {
          if (quote.speaker !== speakerName) continue;
          const cluster = index.clusterOf(articleId, quote.id);
          const key = cluster?.id ?? `${articleId}#${quote.id}`;
          if (quotes.has(key)) continue;
          quotes.set(key, {
            text: cluster?.text ?? quote.text,
            articles: cluster ? index.articleCount(cluster) : 1,
            ref: { uri: articleId, quoteId: quote.id },
          });
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

  connection.onRequest(SpeakerNamesRequest, (): SpeakerName[] =>
    [...links.entities()]
      // The most widely reported first: the likeliest pick.
      .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name))
      .map(({ name, aliases }) => ({ name, aliases: [...aliases] })),
  );

  connection.onRequest(QuoteOccurrencesRequest, async ({ uri, quoteId }): Promise<QuoteOccurrence[]> => {
    const cluster = (await links.clusterIndex()).clusterOf(uri, quoteId);
    const locate = (articleId: string, start: number, end: number) => articleLocation(corpus, articleId, start, end);
    if (cluster) {
      return [
        ...cluster.occurrences.flatMap((o) => withKind(locate(o.articleId, o.start, o.end), o.kind)),
        ...cluster.paraphrases.flatMap((p) => withKind(locate(p.articleId, p.start, p.end), 'paraphrase')),
      ];
    }
    const quote = corpus.get(uri)?.analysis?.quotes.find((candidate) => candidate.id === quoteId);
    return quote ? withKind(locate(uri, quote.start, quote.end), 'exact') : [];
  });
}

function withKind(location: ArticleLocation | null, kind: LinkKind): QuoteOccurrence[] {
  return location ? [{ ...location, kind }] : [];
}
