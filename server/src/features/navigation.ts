import type { Location } from 'vscode-languageserver';
import type { Span } from '../engine';
import type { FeatureContext } from './context';
import { itemAt } from './itemAt';
import { offsetIn, rangeIn } from './positions';
import { quotePlaces } from './quoteLinks';

/**
 * Go to Definition and Find All References. On a quote: every occurrence in the corpus
 * (references add the paraphrases; the quoteLinks request tells them apart). On a speaker:
 * the first mention in each article, or every mention. On an outlet: every mention.
 */
export function registerNavigation({ connection, documents, analyses, corpus, links }: FeatureContext): void {
  const toLocations = (uri: string, spans: readonly Span[]): Location[] => {
    const article = corpus.get(uri);
    return article ? spans.map((span) => ({ uri, range: rangeIn(article, span.start, span.end) })) : [];
  };

  async function locations(uri: string, position: { line: number; character: number }, mode: 'definition' | 'references'): Promise<Location[] | null> {
    const document = documents.get(uri);
    if (!document) return null;
    const article = await analyses.get(document);
    if (!article.analysis) return null;
    const item = itemAt(article.analysis, offsetIn(article, position));
    if (!item) return null;
    switch (item.kind) {
      case 'quote': {
        const { occurrences, paraphrases } = quotePlaces(corpus, links, article, item.quote);
        const verbatim = mode === 'definition' ? occurrences.filter((occurrence) => occurrence.kind !== 'self') : occurrences;
        return [...verbatim, ...(mode === 'references' ? paraphrases : [])].map(({ uri: target, range }) => ({ uri: target, range }));
      }
      case 'speaker': {
        const entity = links.entityOf(article.uri, item.speaker.name);
        const perArticle = entity?.articles ?? [{ articleId: article.uri, mentions: item.speaker.mentions }];
        return perArticle.flatMap(({ articleId, mentions }) => {
          const sorted = [...mentions].sort((a, b) => a.start - b.start);
          return toLocations(articleId, mode === 'definition' ? sorted.slice(0, 1) : sorted);
        });
      }
      case 'outlet': {
        const result: Location[] = [];
        for (const other of corpus.all()) {
          const outlet = other.analysis?.outlets.find((candidate) => candidate.name === item.outlet.name);
          if (outlet) result.push(...toLocations(other.uri, mode === 'definition' ? outlet.mentions.slice(0, 1) : outlet.mentions));
        }
        return result;
      }
      case 'attribution':
        return toLocations(article.uri, [item.attribution.mention]);
    }
  }

  connection.onDefinition(({ textDocument, position }) => locations(textDocument.uri, position, 'definition'));
  connection.onReferences(({ textDocument, position }) => locations(textDocument.uri, position, 'references'));
}
