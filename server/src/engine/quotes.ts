import { notQuoteReason } from './quoteFilters';
import { isHeadline } from './quoteHeadline';
import { findMarks, type QuoteMark } from './quoteMarks';
import { markupMask } from './quoteMarkup';
import { pairMarks, type MarkPair } from './quotePairing';
import { splitParagraphs, type Paragraph } from './quoteParagraphs';
import { readPost } from './posts';
import { StretchMemory } from './stretchMemory';
import type { QuoteStyle, Span } from './types';
import { packedMap } from './packedMap';

/** A quoted stretch found by its marks, before anyone is credited with it. */
export interface QuoteSpan extends Span {
  style: QuoteStyle;
  /** Opens a paragraph that continues the previous paragraph's unclosed quote. */
  continued: boolean;
  /** For an embedded post: the signature after the dash ("Name (@handle) date"). */
  signature: Span | null;
}

/** A quote left open at a paragraph's end that no next paragraph continues is cut here (at a sentence end). */
const MAX_UNCLOSED_QUOTE = 1500;
/** How much text around a quote the filters see. */
const CONTEXT = 80;
const CLOSING_MARKS = /^["'”’»`]+/u;

/** Finds quotes by their marks and embedded posts by their signature lines (annotation guide, "Quote"). */
export function findQuotes(text: string): QuoteSpan[] {
  const paragraphs = splitParagraphs(text);
  const quotes: QuoteSpan[] = [];
  let continuing: MarkPair['family'] | null = null;
  paragraphs.forEach((paragraph, index) => {
    const previous = paragraphs[index - 1] ?? null;
    const post = readPost(text, paragraph, previous);
    if (post !== null) {
      if (post.text.start < paragraph.start) dropInside(quotes, post.text);
      quotes.push({ ...post.text, style: 'post', continued: false, signature: post.signature });
      continuing = null;
      return;
    }
    const next = paragraphs[index + 1] ?? null;
    const found = rememberedQuotesOfParagraph(text, paragraph, continuing, next);
    quotes.push(...found.quotes);
    continuing = found.continuing;
  });
  return quotes;
}

interface ParagraphQuotes {
  quotes: QuoteSpan[];
  /** The family of the quote mark left open for the next paragraph to continue. */
  continuing: MarkPair['family'] | null;
}

/**
 * A paragraph's quotes depend on its own characters, on the quote left open before it and on
 * the mark that opens the next paragraph, if any: nothing else. Their offsets are kept from the
 * paragraph's start, under a key of those three.
 */
const paragraphMemory = new StretchMemory<ParagraphQuotes>();
const FAMILY_KEYS = { double: 'd', single: 's', none: '-' } as const;

function rememberedQuotesOfParagraph(text: string, paragraph: Paragraph, continuing: MarkPair['family'] | null, next: Paragraph | null): ParagraphQuotes {
  const key = `${FAMILY_KEYS[continuing ?? 'none']}${FAMILY_KEYS[openingFamily(text, next) ?? 'none']}${text.slice(paragraph.start, paragraph.end)}`;
  const known = paragraphMemory.recall(key);
  if (known !== undefined) return { quotes: packedMap(known.quotes, (quote) => shiftedQuote(quote, paragraph.start, quote.text)), continuing: known.continuing };
  const found = quotesOfParagraph(text, paragraph, continuing, next);
  const keyStart = key.length - (paragraph.end - paragraph.start);
  // 0 - start, never -start, which is -0 at the text's start (see perLine).
  paragraphMemory.offer(key, (ownKey) => ({
    quotes: packedMap(found.quotes, (quote) => shiftedQuote(quote, 0 - paragraph.start, ownKey.slice(quote.start - paragraph.start + keyStart, quote.end - paragraph.start + keyStart))),
    continuing: found.continuing,
  }));
  return found;
}

function shiftedQuote(quote: QuoteSpan, offset: number, text: string): QuoteSpan {
  return { start: quote.start + offset, end: quote.end + offset, text, style: quote.style, continued: quote.continued, signature: null };
}

function quotesOfParagraph(
  text: string,
  paragraph: Paragraph,
  continuing: MarkPair['family'] | null,
  next: Paragraph | null,
): ParagraphQuotes {
  const marks = findMarks(text, paragraph.start, paragraph.end, markupMask(text, paragraph));
  const continuesNext = (pair: MarkPair): boolean => pair.close === null && opensParagraph(text, next, pair.family);
  // A mark left open that the next paragraph does not continue runs to the paragraph's end, unless it is
  // a single mark (likelier an apostrophe) or quotes close after it (it was a stray, not their container).
  const withoutStrays = (candidates: readonly MarkPair[]): MarkPair[] =>
    candidates.filter(
      (pair) =>
        pair.close !== null ||
        continuesNext(pair) ||
        (pair.family === 'double' && !candidates.some((other) => other.close !== null && other.open > pair.open)),
    );
  const doubles = outermost(withoutStrays(pairMarks(marks, 'double')), paragraph.end);
  const singles = withoutStrays(pairMarks(outside(marks, doubles, paragraph.end), 'single'));
  const pairs = outermost([...doubles, ...singles], paragraph.end);
  const quotes: QuoteSpan[] = [];
  const inHeadline = pairs.length > 0 && isHeadline(text.slice(paragraph.start, paragraph.end));
  let leftOpen: MarkPair['family'] | null = null;
  for (const pair of pairs) {
    const continues = continuesNext(pair);
    const end = pair.close ?? (continues ? paragraph.end : boundedEnd(text, pair.innerStart, paragraph.end));
    const quote = spanBetween(text, pair.innerStart, end);
    if (quote === null) continue;
    const before = text.slice(Math.max(paragraph.start, pair.open - CONTEXT), pair.open);
    const after = text.slice(end, Math.min(paragraph.end, end + CONTEXT)).replace(CLOSING_MARKS, '');
    const reason = notQuoteReason(quote.text, before, after, inHeadline);
    if (reason !== null) {
      // A stage direction inside a transcript leaves the speakers' quote running on.
      if (reason === 'direction' && continues) leftOpen = pair.family;
      continue;
    }
    const continued = pair.open === paragraph.start && continuing === pair.family;
    quotes.push({ start: quote.start, end: quote.end, text: quote.text, style: pair.family, continued, signature: null });
    if (continues) leftOpen = pair.family;
  }
  return { quotes, continuing: leftOpen };
}

/** Single marks inside a double-quoted stretch are nested quotes or apostrophes: not pairing material. */
function outside(marks: readonly QuoteMark[], doubles: readonly MarkPair[], paragraphEnd: number): QuoteMark[] {
  const kept: QuoteMark[] = [];
  let pairIndex = 0;
  for (const mark of marks) {
    if (mark.family !== 'single') continue;
    while (pairIndex < doubles.length && (doubles[pairIndex]?.close ?? paragraphEnd) < mark.offset) pairIndex++;
    const pair = doubles[pairIndex];
    if (pair === undefined || mark.offset <= pair.open) kept.push(mark);
  }
  return kept;
}

/** Keeps the outermost of nested pairs and drops pairs that cross one another's marks. */
function outermost(pairs: readonly MarkPair[], paragraphEnd: number): MarkPair[] {
  const sorted = [...pairs].sort((a, b) => a.open - b.open);
  const kept: MarkPair[] = [];
  let reach = -1;
  for (const pair of sorted) {
    const end = pair.close ?? paragraphEnd;
    if (pair.open < reach) continue;
    kept.push(pair);
    reach = end;
  }
  return kept;
}

function opensParagraph(text: string, paragraph: Paragraph | null, family: MarkPair['family']): boolean {
  return openingFamily(text, paragraph) === family;
}

/** The family of the quote mark that opens the paragraph, unless it closes a quote. */
function openingFamily(text: string, paragraph: Paragraph | null): MarkPair['family'] | null {
  if (paragraph === null) return null;
  const marks = findMarks(text, paragraph.start, Math.min(paragraph.end, paragraph.start + 3), new Uint8Array(3));
  const first = marks[0];
  return first !== undefined && first.offset === paragraph.start && first.role !== 'close' ? first.family : null;
}

/** Where an unclosed quote that nothing continues ends: the paragraph end, or a sentence end within bounds. */
function boundedEnd(text: string, open: number, paragraphEnd: number): number {
  if (paragraphEnd - open <= MAX_UNCLOSED_QUOTE) return paragraphEnd;
  const window = text.slice(open, open + MAX_UNCLOSED_QUOTE);
  const lastStop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  if (lastStop > 0) return open + lastStop + 1;
  const cut = open + MAX_UNCLOSED_QUOTE;
  // Never between the two halves of a surrogate pair (an emoji, a rare script).
  const splitsPair = /[\uD800-\uDBFF]/.test(text[cut - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[cut] ?? '');
  return splitsPair ? cut - 1 : cut;
}

function spanBetween(text: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from] ?? '')) from++;
  while (to > from && /\s/u.test(text[to - 1] ?? '')) to--;
  return to > from ? { start: from, end: to, text: text.slice(from, to) } : null;
}

/** A post whose text is the paragraph before its signature replaces the quotes found in that paragraph. */
function dropInside(quotes: QuoteSpan[], span: Span): void {
  for (let index = quotes.length - 1; index >= 0; index--) {
    const quote = quotes[index];
    if (quote !== undefined && quote.start >= span.start - 1 && quote.end <= span.end + 1) quotes.splice(index, 1);
  }
}
