import type { Analysis } from '../../engine';
import { prepareArticle } from '../matching/preparedArticle';
import type { AnalysedText } from './analysisMessages';

/** The engine's analysis of `text` together with what the quote matcher needs of it. */
export function analysedText(text: string, analysis: Analysis): AnalysedText {
  return { analysis, matching: prepareArticle(text, analysis.quotes) };
}
