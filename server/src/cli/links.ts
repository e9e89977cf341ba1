import { QuoteMatcher } from '../corpus/matching';
import type { Analysis } from '../engine/types';
import type { LinkJson } from './json';

/** An article the CLI has read and analysed, as handed to the cross-article link finder. */
export interface AnalysedArticle {
  file: string;
  text: string;
  analysis: Analysis;
}

/** Groups the same quote across articles (design, "Cross-article quote links"). */
export type LinkFinder = (articles: readonly AnalysedArticle[]) => LinkJson[];

/**
 * The same quote matcher the language server's corpus uses: every cluster of two or more
 * verbatim occurrences is a link, with its paraphrases listed apart.
 */
export const linkFinder: LinkFinder = (articles) => {
  const matcher = new QuoteMatcher();
  for (const { file, text, analysis } of articles) matcher.setArticle(file, text, analysis.quotes);
  return matcher
    .clusters()
    .filter((cluster) => cluster.occurrences.length > 1)
    .map((cluster) => ({
      id: cluster.id,
      text: cluster.text,
      occurrences: cluster.occurrences.map(({ articleId, quoteId, start, end, kind }) => ({ file: articleId, quote: quoteId, start, end, match: kind })),
      paraphrases: cluster.paraphrases.map(({ articleId, start, end, text }) => ({ file: articleId, start, end, text })),
    }));
};
