import { analyze as analyzeWhole } from './analyze';
import { joinSections } from './joinSections';
import { articleSections } from './sections';
import type { Analysis, AnalyzeOptions } from './types';

/**
 * Text in, annotations out: the engine's one entry point. Never throws; offsets are UTF-16
 * code units. A long text is analysed section by section (see `articleSections`), so that a
 * caller keeping each section's analysis re-analyses only the section an edit touched and,
 * joining them with `joinSections`, gets exactly this result.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return joinSections(articleSections(text).map(({ start, end }) => ({ offset: start, analysis: analyzeWhole(text.slice(start, end), options) })));
}
