import { preparedWords, type PreparedArticle } from '../../../server/src/corpus/matching/preparedArticle';
import type { AnalysedText } from '../../../server/src/corpus/workers/analysisMessages';

/** A quote as the matcher reads it: its words (not their ids), where each stands, and its segments. */
interface QuoteWords {
  words: string[];
  starts: number[];
  ends: number[];
  segmentStarts: number[];
}

/** A prepared article with every id replaced by its word: prepared inputs that read the same to the matcher look the same. */
export interface MatcherInput {
  quoteSpans: number[];
  quotes: QuoteWords[];
  passageSpans: number[];
  passages: string[][];
}

export function matcherInput(prepared: PreparedArticle): MatcherInput {
  const words = preparedWords(prepared);
  const word = (id: number): string => words[id] ?? `#${id}`;
  const quotes: QuoteWords[] = [...prepared.quoteBase].map((base) => {
    const n = prepared.packed[base] ?? 0;
    const segments = prepared.packed[base + 1] ?? 0;
    const at = base + 2;
    return {
      words: [...prepared.packed.subarray(at, at + n)].map(word),
      starts: [...prepared.packed.subarray(at + n, at + 2 * n)],
      ends: [...prepared.packed.subarray(at + 2 * n, at + 3 * n)],
      segmentStarts: [...prepared.packed.subarray(at + 3 * n, at + 3 * n + segments)],
    };
  });
  const passages: string[][] = [];
  for (let at = 0; at < prepared.passageWords.length; ) {
    const count = prepared.passageWords[at] ?? 0;
    passages.push([...prepared.passageWords.subarray(at + 1, at + 1 + count)].map(word));
    at += count + 1;
  }
  return { quoteSpans: [...prepared.quoteSpans], quotes, passageSpans: [...prepared.passageSpans], passages };
}

/** An analysed text with its matcher input read as words, for comparing fast paths with the plain one. */
export function readable({ analysis, matching }: AnalysedText): { analysis: AnalysedText['analysis']; matching: MatcherInput } {
  return { analysis, matching: matcherInput(matching) };
}
