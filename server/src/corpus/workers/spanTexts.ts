import type { Analysis, Span } from '../../engine';

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
 * message from a worker or a stored entry weighs, and the slowest part to decode; `restoreSpanTexts`
 * gives them back as slices of the article's own string, which cost a few bytes each.
 * Only for analyses whose span texts are slices (`spanTextsAreSlices`).
 */
export function blankSpanTexts(analysis: Analysis): void {
  forEachSpan(analysis, (span) => {
    span.text = '';
  });
}

/** Undoes `blankSpanTexts`, given the text the analysis is of. */
export function restoreSpanTexts(text: string, analysis: Analysis): void {
  forEachSpan(analysis, (span) => {
    span.text = text.slice(span.start, span.end);
  });
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
