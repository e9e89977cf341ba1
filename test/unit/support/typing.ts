import { prepareArticle } from '../../../server/src/corpus/matching/preparedArticle';
import type { AnalysedText } from '../../../server/src/corpus/workers/analysisMessages';
import { analyze } from '../../../server/src/engine';

/** One typing-like edit at a random place: one of `inserts` typed there, or one to six characters deleted. */
export function typingEdit(text: string, random: () => number, inserts: readonly string[]): string {
  const at = Math.floor(random() * text.length);
  if (random() < 0.6) return text.slice(0, at) + (inserts[Math.floor(random() * inserts.length)] as string) + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 6));
}

/** The analysis and matcher input worked out plainly, on this thread: what every fast path must equal. */
export function plainAnalysis(text: string): AnalysedText {
  const analysis = analyze(text);
  return { analysis, matching: prepareArticle(text, analysis.quotes) };
}
