import type { Analysis } from '../../engine';
import type { PreparedArticle } from '../matching/preparedArticle';

/** What the corpus keeps of one text's analysis: the engine's answer and the quote matcher's input. */
export interface AnalysedText {
  analysis: Analysis;
  matching: PreparedArticle;
}

/**
 * An AnalysedText as it travels from a worker and persists: when `blanked`, its span texts were
 * emptied (see spanTexts) and are restored from the article's text on arrival.
 */
export interface CompactAnalysedText extends AnalysedText {
  blanked: boolean;
}

/** Main thread -> worker: analyse this text. */
export interface AnalysisRequest {
  id: number;
  text: string;
}

/** Worker -> main thread: the analysis, or why there is none. */
export type AnalysisReply = { id: number; result: CompactAnalysedText; error: null } | { id: number; result: null; error: string };
