import { createHash } from 'node:crypto';
import { analyze, type Analysis } from '../engine';
import { checkArticleText, type TextProblem } from '../textCheck';

export type ArticleResult = { analysis: Analysis; problem: null } | { analysis: null; problem: TextProblem };

/**
 * Changes the engine's analysis of one article before features see it: how the user's own
 * annotations (marks, corrections, rejections) override the engine everywhere.
 */
export type AnalysisOverlay = (uri: string, text: string, analysis: Analysis) => Analysis;

/** Analyses texts, remembering results by content hash so unchanged texts cost nothing. */
export class ArticleAnalyzer {
  private readonly cache = new Map<string, Analysis>();
  private overlay: AnalysisOverlay = (_uri, _text, analysis) => analysis;

  constructor(private readonly capacity = 512) {}

  setOverlay(overlay: AnalysisOverlay): void {
    this.overlay = overlay;
  }

  analyse(uri: string, text: string, maxFileSize: number): ArticleResult {
    const problem = checkArticleText(text, maxFileSize);
    if (problem) return { analysis: null, problem };
    const key = contentHash(text);
    let analysis = this.cache.get(key);
    if (analysis) {
      this.cache.delete(key); // re-inserted below: the Map's order is the recency order
    } else {
      analysis = analyze(text);
    }
    this.cache.set(key, analysis);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
    return { analysis: this.overlay(uri, text, analysis), problem: null };
  }
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
