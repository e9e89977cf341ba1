import type { PronounResolver } from './coreference';
import type { EntityRegistry } from './entities';
import type { QuoteSpan } from './quotes';
import type { Sentence } from './sentences';
import type { Outlet } from './types';

/** What every step of the analysis of one article shares. */
export interface ArticleContext {
  text: string;
  sentences: Sentence[];
  quotes: QuoteSpan[];
  outlets: Outlet[];
  registry: EntityRegistry;
  pronouns: PronounResolver;
}

/** True when `offset` lies inside the words of a quote (not on its marks or outside). */
export function insideQuote(context: ArticleContext, start: number, end: number): boolean {
  return context.quotes.some((quote) => start < quote.end && end > quote.start);
}
