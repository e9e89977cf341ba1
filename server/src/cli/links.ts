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
 * The one place the corpus index plugs in: set this to its finder and both the CLI's `links`
 * and `npm run eval`'s links score use it. Null while there is none (the eval then says so).
 */
export const linkFinder: LinkFinder | null = null;
