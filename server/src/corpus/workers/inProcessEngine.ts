import type { analyze as Analyze } from '../../engine';
import { analysedText } from './analysedText';
import type { AnalysedText } from './analysisMessages';

let engine: typeof Analyze | undefined;

/**
 * Analyses on the calling thread, loading the engine on first use. The language server's own
 * thread rarely needs it (workers and the persisted store answer), and the engine with its NLP
 * library and lexicons is the largest part of its code: a lazy `require`, which the build points
 * at a bundle of its own (dist/engine.js, see esbuild.mjs), keeps it from being parsed, loaded
 * and its memory taken at start.
 */
export function analyseInProcess(text: string): AnalysedText {
  engine ??= (require('../../engine') as typeof import('../../engine')).analyze;
  return analysedText(text, engine(text));
}
