import type { analyze as Analyze } from '../../engine';
import { analysedText } from './analysedText';
import type { AnalysedText } from './analysisMessages';

let engine: typeof Analyze | undefined;

/**
 * Analyses on the calling thread, loading the engine on first use. The language server's own
 * thread rarely needs it (workers and the persisted store answer), and the engine with its NLP
 * library and lexicons is the largest part of the bundle: a lazy `require` keeps it from being
 * loaded, and its memory taken, at start.
 */
export function analyseInProcess(text: string): AnalysedText {
  engine ??= (require('../../engine') as typeof import('../../engine')).analyze;
  return analysedText(text, engine(text));
}
