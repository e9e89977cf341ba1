import type { PronounResolver } from './coreference';
import type { EntityRegistry } from './entities';
import type { QuoteSpan } from './quotes';
import type { Sentence } from './sentences';
import { SpanIndex } from './spanIndex';
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

interface QuoteIndexes {
  quotes: readonly QuoteSpan[];
  all: SpanIndex;
  withoutPosts: SpanIndex;
}

// Built on first use for each article; a context whose quote list was replaced gets a fresh one.
const indexes = new WeakMap<ArticleContext, QuoteIndexes>();

function quoteIndexes(context: ArticleContext): QuoteIndexes {
  const known = indexes.get(context);
  if (known && known.quotes === context.quotes) return known;
  const built = {
    quotes: context.quotes,
    all: new SpanIndex(context.quotes),
    withoutPosts: new SpanIndex(context.quotes.filter((quote) => quote.style !== 'post')),
  };
  indexes.set(context, built);
  return built;
}

/** True when `offset` lies inside the words of a quote (not on its marks or outside). */
export function insideQuote(context: ArticleContext, start: number, end: number): boolean {
  return quoteIndexes(context).all.overlaps(start, end);
}

/** True when the stretch overlaps the words of a quote other than an embedded post. */
export function overlapsQuote(context: ArticleContext, start: number, end: number): boolean {
  return quoteIndexes(context).withoutPosts.overlaps(start, end);
}

/** True when the stretch lies wholly inside the words of a quote other than an embedded post. */
export function withinQuote(context: ArticleContext, start: number, end: number): boolean {
  return quoteIndexes(context).withoutPosts.contains(start, end);
}
