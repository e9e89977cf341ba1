import { createHash } from 'node:crypto';
import { analyze, type Analysis } from '../engine';
import { checkArticleText, type TextProblem } from '../textCheck';
import { AnalysisStore } from './persistence/analysisStore';
import type { AnalysisPool } from './workers/analysisPool';

export type ArticleResult = { analysis: Analysis; problem: null } | { analysis: null; problem: TextProblem };

/**
 * Changes the engine's analysis of one article before features see it: how the user's own
 * annotations (marks, corrections, rejections) override the engine everywhere.
 */
export type AnalysisOverlay = (uri: string, text: string, analysis: Analysis) => Analysis;

/**
 * Analyses texts, remembering results by content hash so unchanged texts cost nothing: in
 * memory for recent texts, and in the persisted store across sessions. Open editors are
 * analysed on the calling thread; files from disk go to the worker pool.
 */
export class ArticleAnalyzer {
  private readonly cache = new Map<string, Analysis>();
  private readonly hashes = new Map<string, string>();
  private overlay: AnalysisOverlay = (_uri, _text, analysis) => analysis;
  private store: Promise<AnalysisStore> = Promise.resolve(AnalysisStore.inMemory());
  private loadedStore: AnalysisStore | null = null;

  constructor(
    private readonly pool: AnalysisPool | null = null,
    private readonly capacity = 512,
  ) {}

  setOverlay(overlay: AnalysisOverlay): void {
    this.overlay = overlay;
  }

  /** Where analyses persist between sessions; until it is read, background analyses wait for it. */
  useStore(store: Promise<AnalysisStore>): void {
    this.store = store.catch(() => AnalysisStore.inMemory());
    void this.store.then((loaded) => (this.loadedStore = loaded));
  }

  analyse(uri: string, text: string, maxFileSize: number): ArticleResult {
    const problem = checkArticleText(text, maxFileSize);
    if (problem) return { analysis: null, problem };
    const key = this.keyOf(uri, text);
    const analysis = this.remembered(key) ?? this.loadedStore?.get(key) ?? analyze(text);
    return this.result(uri, text, key, analysis);
  }

  /** The same result as `analyse`, computed off the calling thread (or read from the store). */
  async analyseInBackground(uri: string, text: string, maxFileSize: number, urgent = false): Promise<ArticleResult> {
    const problem = checkArticleText(text, maxFileSize);
    if (problem) return { analysis: null, problem };
    const key = this.keyOf(uri, text);
    const store = await this.store;
    const analysis = this.remembered(key) ?? store.get(key) ?? (this.pool ? await this.pool.analyse(text, urgent) : analyze(text));
    store.put(key, analysis);
    return this.result(uri, text, key, analysis);
  }

  /** Persists the analyses of the given articles (by uri) and drops every other stored one. */
  async saveStore(liveUris: Iterable<string>): Promise<void> {
    const live = new Set<string>();
    for (const uri of liveUris) {
      const hash = this.hashes.get(uri);
      if (hash !== undefined) live.add(hash);
    }
    await (await this.store).save(live);
  }

  private keyOf(uri: string, text: string): string {
    const key = contentHash(text);
    this.hashes.set(uri, key);
    return key;
  }

  private remembered(key: string): Analysis | undefined {
    const analysis = this.cache.get(key);
    if (analysis) this.cache.delete(key); // re-inserted by `result`: the Map's order is the recency order
    return analysis;
  }

  private result(uri: string, text: string, key: string, analysis: Analysis): ArticleResult {
    this.cache.set(key, analysis);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
    return { analysis: this.overlay(uri, text, analysis), problem: null };
  }
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
