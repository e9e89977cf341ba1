import type { Analysis, Attribution, Outlet, Quote, Span, Speaker } from '../engine';

export type ItemAt =
  | { kind: 'speaker'; speaker: Speaker; span: Span }
  | { kind: 'outlet'; outlet: Outlet; span: Span }
  | { kind: 'quote'; quote: Quote; span: Span }
  | { kind: 'attribution'; attribution: Attribution; span: Span };

const contains = (span: { start: number; end: number }, offset: number): boolean => span.start <= offset && offset < span.end;

/**
 * What stands at an offset: a quote first (hovering quoted words is asking about the quote,
 * even over a name inside it), then a speaker or outlet mention, then the rest of an attribution.
 */
export function itemAt(analysis: Analysis, offset: number): ItemAt | null {
  const quote = analysis.quotes.find((candidate) => contains(candidate, offset));
  if (quote) return { kind: 'quote', quote, span: quote };
  for (const speaker of analysis.speakers) {
    const span = speaker.mentions.find((mention) => contains(mention, offset));
    if (span) return { kind: 'speaker', speaker, span };
  }
  for (const outlet of analysis.outlets) {
    const span = outlet.mentions.find((mention) => contains(mention, offset));
    if (span) return { kind: 'outlet', outlet, span };
  }
  const attribution = analysis.attributions.find((candidate) => contains(candidate, offset));
  if (attribution) return { kind: 'attribution', attribution, span: attribution };
  return null;
}
