import type { Analysis, Span } from '../../engine';
import { shared } from './sharedStrings';

/**
 * Every span of an analysis, in one fixed order. Blanking and restoring both walk this list, so
 * a span they do not know of keeps its own text and stays correct.
 */
function forEachSpan(analysis: Analysis, visit: (span: Span) => void): void {
  for (const quote of analysis.quotes) {
    visit(quote);
    if (quote.source) visit(quote.source);
    if (quote.cue) visit(quote.cue);
  }
  for (const speaker of analysis.speakers) speaker.mentions.forEach(visit);
  for (const outlet of analysis.outlets) outlet.mentions.forEach(visit);
  for (const attribution of analysis.attributions) {
    visit(attribution);
    visit(attribution.mention);
    visit(attribution.cue);
  }
}

/** Whether every span's text is its stretch of `text`, so that it can travel and persist without it. */
export function spanTextsAreSlices(text: string, analysis: Analysis): boolean {
  let slices = true;
  forEachSpan(analysis, (span) => {
    if (slices && span.text !== text.slice(span.start, span.end)) slices = false;
  });
  return slices;
}

/**
 * Empties every span's text in place. Span texts are copies of the article's text, most of what a
 * message from a worker or a stored entry weighs, and the slowest part to decode; `restoredAnalysis`
 * gives them back as slices of the article's own string, which cost a few bytes each.
 * Only for analyses whose span texts are slices (`spanTextsAreSlices`).
 */
export function blankSpanTexts(analysis: Analysis): void {
  forEachSpan(analysis, (span) => {
    span.text = '';
  });
}

/**
 * Undoes `blankSpanTexts`, given the text the analysis is of: a new analysis whose span texts are
 * slices of `text`. Objects that crossed from a worker or came from disk are built again here:
 * decoded ones keep most of their fields out of line, which costs tens of bytes each over
 * hundreds of thousands of them, and names, kinds and short spans are shared (`shared`).
 */
export function restoredAnalysis(text: string, blank: Analysis): Analysis {
  const spanOf = (span: Span): Span => ({ start: span.start, end: span.end, text: shared(text.slice(span.start, span.end)) });
  return {
    quotes: blank.quotes.map((quote) => ({
      start: quote.start,
      end: quote.end,
      text: text.slice(quote.start, quote.end),
      id: shared(quote.id),
      style: shared(quote.style),
      speaker: quote.speaker === null ? null : shared(quote.speaker),
      source: quote.source && spanOf(quote.source),
      cue: quote.cue && spanOf(quote.cue),
      attribution: quote.attribution,
      continued: quote.continued,
    })),
    speakers: blank.speakers.map((speaker) => ({
      name: shared(speaker.name),
      kind: shared(speaker.kind),
      aliases: speaker.aliases.map(shared),
      mentions: speaker.mentions.map(spanOf),
    })),
    outlets: blank.outlets.map((outlet) => ({ name: shared(outlet.name), mentions: outlet.mentions.map(spanOf) })),
    attributions: blank.attributions.map((attribution) => ({
      start: attribution.start,
      end: attribution.end,
      text: shared(text.slice(attribution.start, attribution.end)),
      source: shared(attribution.source),
      kind: shared(attribution.kind),
      mention: spanOf(attribution.mention),
      cue: spanOf(attribution.cue),
    })),
  };
}

/** A copy of `analysis` with every span's text emptied, sharing nothing mutable with it. */
export function blankedCopy(analysis: Analysis): Analysis {
  const blank = <T extends Span>(span: T): T => ({ ...span, text: '' });
  return {
    quotes: analysis.quotes.map((quote) => ({ ...blank(quote), source: quote.source && blank(quote.source), cue: quote.cue && blank(quote.cue) })),
    speakers: analysis.speakers.map((speaker) => ({ ...speaker, aliases: [...speaker.aliases], mentions: speaker.mentions.map(blank) })),
    outlets: analysis.outlets.map((outlet) => ({ ...outlet, mentions: outlet.mentions.map(blank) })),
    attributions: analysis.attributions.map((attribution) => ({ ...blank(attribution), mention: blank(attribution.mention), cue: blank(attribution.cue) })),
  };
}
