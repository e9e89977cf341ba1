import type { Location } from 'vscode-languageserver';
import type { ArticleLocation, QuoteLinksResult } from '../../../common/protocol';
import { articleOutlet } from '../corpus/articleOutlet';
import type { Article, Corpus } from '../corpus/corpus';
import type { CorpusLinks } from '../corpus/corpusLinks';
import type { Quote } from '../engine';
import { articleName, rangeIn } from './positions';

/** An article location with its label parts, for hovers, references and views alike. */
export function articleLocation(corpus: Corpus, uri: string, start: number, end: number): ArticleLocation | null {
  const article = corpus.get(uri);
  if (!article) return null;
  return {
    uri,
    range: rangeIn(article, start, end),
    article: articleName(uri),
    outlet: article.analysis ? articleOutlet(article.text, article.analysis) : null,
  };
}

/** Every place in the corpus that carries a quote: itself first, then verbatim matches, then paraphrases apart. */
export function quoteLinks(corpus: Corpus, links: CorpusLinks, article: Article, quote: Quote): QuoteLinksResult {
  const { occurrences, paraphrases } = linkedPlaces(links, article, quote, (uri, start, end) => articleLocation(corpus, uri, start, end));
  return { quote: { text: quote.text, speaker: quote.speaker }, occurrences, paraphrases };
}

/**
 * The places of `quoteLinks`, without their labels: what references and code lenses need. A
 * label looks up its article's outlet, over a thousand times for a widely carried quote.
 */
export function quotePlaces(corpus: Corpus, links: CorpusLinks, article: Article, quote: Quote): PlacesOf<Location> {
  return linkedPlaces(links, article, quote, (uri, start, end) => {
    const other = corpus.get(uri);
    return other ? { uri, range: rangeIn(other, start, end) } : null;
  });
}

interface PlacesOf<P> {
  occurrences: (P & { kind: 'exact' | 'partial' | 'self'; text: string })[];
  paraphrases: (P & { text: string; score: number })[];
}

function linkedPlaces<P extends object>(links: CorpusLinks, article: Article, quote: Quote, place: (uri: string, start: number, end: number) => P | null): PlacesOf<P> {
  const self = place(article.uri, quote.start, quote.end);
  const occurrences: PlacesOf<P>['occurrences'] = self ? [{ ...self, kind: 'self', text: quote.text }] : [];
  for (const match of links.matchesOf(article.uri, quote.id)) {
    const location = place(match.articleId, match.quote.start, match.quote.end);
    if (location) occurrences.push({ ...location, kind: match.kind, text: match.excerpt.text });
  }
  const paraphrases: PlacesOf<P>['paraphrases'] = [];
  for (const paraphrase of links.paraphrasesOf(article.uri, quote.id)) {
    const location = place(paraphrase.articleId, paraphrase.start, paraphrase.end);
    if (location) paraphrases.push({ ...location, text: paraphrase.text, score: paraphrase.score });
  }
  return { occurrences, paraphrases };
}
