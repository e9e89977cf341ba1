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

/** The analysis of one text, or why there is none. */
export type AnalysisReply = { id: number; result: PortableAnalysedText; error: null } | { id: number; result: null; error: string };

/** Worker -> main thread: replies to one or more requests, in the order they were analysed. */
export type AnalysisReplies = readonly AnalysisReply[];
