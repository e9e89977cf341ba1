import type { Analysis } from '../../engine';
import type { PreparedArticle } from '../matching/preparedArticle';
import type { PortableAnalysedText } from './analysisCodec';

/** What the corpus keeps of one text's analysis: the engine's answer and the quote matcher's input. */
export interface AnalysedText {
  analysis: Analysis;
  matching: PreparedArticle;
}

/** Main thread -> worker: analyse this text, and with `withMatching` prepare the quote matcher's input too (see AnalysisPool). */
export interface AnalysisRequest {
  id: number;
  text: string;
  withMatching: boolean;
}

/** Worker -> main thread: the analysis, or why there is none. */
export type AnalysisReply = { id: number; result: PortableAnalysedText; error: null } | { id: number; result: null; error: string };
