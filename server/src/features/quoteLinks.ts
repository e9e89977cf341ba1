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
  const self = articleLocation(corpus, article.uri, quote.start, quote.end);
  const occurrences: QuoteLinksResult['occurrences'] = self ? [{ ...self, kind: 'self', text: quote.text }] : [];
  for (const match of links.matchesOf(article.uri, quote.id)) {
    const location = articleLocation(corpus, match.articleId, match.quote.start, match.quote.end);
    if (location) occurrences.push({ ...location, kind: match.kind, text: match.excerpt.text });
  }
  const paraphrases: QuoteLinksResult['paraphrases'] = [];
  for (const paraphrase of links.paraphrasesOf(article.uri, quote.id)) {
    const location = articleLocation(corpus, paraphrase.articleId, paraphrase.start, paraphrase.end);
    if (location) paraphrases.push({ ...location, text: paraphrase.text, score: paraphrase.score });
  }
  return { quote: { text: quote.text, speaker: quote.speaker }, occurrences, paraphrases };
}
