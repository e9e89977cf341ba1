import type { QuoteInput } from './types';

/** A stretch of unquoted text, `end` exclusive. */
export interface Stretch {
  readonly start: number;
  readonly end: number;
}

/**
 * The article's unquoted text, cut at line breaks and at every quote, so that nothing a
 * paraphrase is looked for in is quoted, and no passage runs across a quote.
 */
export function proseStretches(text: string, quotes: readonly QuoteInput[]): Stretch[] {
  const cuts = [...quotes].filter((quote) => quote.end > quote.start).sort((a, b) => a.start - b.start);
  const stretches: Stretch[] = [];
  const lines = /[^\n]+/g;
  for (let line = lines.exec(text); line !== null; line = lines.exec(text)) {
    let from = line.index;
    const lineEnd = line.index + line[0].length;
    for (const quote of cuts) {
      if (quote.end <= from || quote.start >= lineEnd) continue;
      if (quote.start > from) stretches.push({ start: from, end: quote.start });
      from = Math.max(from, quote.end);
    }
    if (lineEnd > from) stretches.push({ start: from, end: lineEnd });
  }
  return stretches;
}
