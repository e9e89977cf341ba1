import type { Analysis } from '../../engine';

/** Main thread -> worker: analyse this text. */
export interface AnalysisRequest {
  id: number;
  text: string;
}

/** Worker -> main thread: the engine's analysis, or why there is none. */
export type AnalysisReply = { id: number; analysis: Analysis; error: null } | { id: number; analysis: null; error: string };
