import { findOutlets } from './outlets';
import { findQuotes } from './quotes';
import type { Analysis, AnalyzeOptions } from './types';

/** Text in, annotations out: the engine's one entry point. STUB: wiring only so far. */
export function analyze(text: string, _options: AnalyzeOptions = {}): Analysis {
  const quotes = findQuotes(text).map((span, index) => ({
    id: `q${index + 1}`,
    start: span.start,
    end: span.end,
    text: span.text,
    style: span.style,
    continued: span.continued,
    speaker: null,
    source: null,
    cue: null,
    attribution: null,
  }));
  return { quotes, speakers: [], outlets: findOutlets(text), attributions: [] };
}
