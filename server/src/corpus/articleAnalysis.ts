import { hash } from 'node:crypto';
import type { Analysis } from '../engine';
import { checkArticleText, type TextProblem } from '../textCheck';
import { currentIdentity } from './articleFile';
import type { FileIdentity } from './fileIdentity';
import type { PreparedArticle } from './matching/preparedArticle';
import { AnalysisStore, type TakeMatcher } from './persistence/analysisStore';
import { SectionedAnalysis } from './sectionedAnalysis';
import type { AnalysisPool } from './workers/analysisPool';
import type { AnalysedText } from './workers/analysisMessages';
import { analyseInProcess } from './workers/inProcessEngine';

/**
 * `matching` is the quote matcher's input as prepared with the analysis (for the engine's
 * quotes, before any overlay). `fingerprint` identifies what the analysis follows from: the
 * text's content hash, and the annotations' changes when they changed it.
 */
export type ArticleResult =
  | { analysis: Analysis; matching: PreparedArticle | null; fingerprint: string; problem: null }
  | { analysis: null; matching: null; fingerprint: null; problem: TextProblem };

/** Corpus-wide counts as they were for a corpus with a given fingerprint. */
export interface RememberedCounts {
  readonly fingerprint: string;
  readonly speakers: number;
  readonly linkedQuotes: number;
}

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
  private readonly cache = new Map<string, { analysed: AnalysedText; length: number }>();
  /** The content hash of each file's text as last analysed from disk: what a save keeps. */
  private readonly diskHashes = new Map<string, string>();
  private overlay: AnalysisOverlay = (_uri, _text, analysis) => analysis;
  private store: Promise<AnalysisStore> = Promise.resolve(AnalysisStore.inMemory());
  private loadedStore: AnalysisStore | null = null;
  private takeMatcher: TakeMatcher | null = null;

  private cachedLength = 0;
  private readonly sections = new SectionedAnalysis((text, urgent) => (this.pool ? this.pool.analyse(text, urgent) : Promise.resolve(analyseInProcess(text))));

  /**
   * The in-memory cache holds at most `capacity` texts and `capacityLength` characters of them
   * (analyses grow with the text). The length bound is one version of a long article: each
   * keystroke's analysis of a 100 KB text takes megabytes, older versions rarely come back, and
   * the sections they share are remembered apart (SectionedAnalysis).
   */
  constructor(
    private readonly pool: AnalysisPool | null = null,
    private readonly capacity = 512,
    private readonly capacityLength = 120_000,
  ) {}

  setOverlay(overlay: AnalysisOverlay): void {
    this.overlay = overlay;
  }

  /** Where analyses persist between sessions; until it is read, background analyses wait for it. */
  useStore(store: Promise<AnalysisStore>): void {
    this.store = store.catch(() => AnalysisStore.inMemory());
    void this.store.then((loaded) => {
      this.loadedStore = loaded;
      // Nothing stored: every file of the scan to come goes to a worker.
      if (loaded.size === 0) this.pool?.prepare();
    });
  }

  analyse(uri: string, text: string, maxFileSize: number): ArticleResult {
    const problem = checkArticleText(text, maxFileSize);
    if (problem) return { analysis: null, matching: null, fingerprint: null, problem };
    const key = contentHash(text);
    const analysed = this.remembered(key) ?? this.loadedStore?.get(key, text) ?? analyseInProcess(text);
    return this.result(uri, text, key, analysed);
  }

  /**
   * The same result as `analyse`, computed off the calling thread (or read from the store).
   * `urgent` texts (an editor's) go first, and only files' analyses are persisted, with the
   * `identity` the file system gave the file that held the text (see `storedFile`).
   */
  async analyseInBackground(uri: string, text: string, maxFileSize: number, urgent = false, identity: FileIdentity | null = null): Promise<ArticleResult> {
    const problem = checkArticleText(text, maxFileSize);
    if (problem) return { analysis: null, matching: null, fingerprint: null, problem };
    const key = contentHash(text);
    const store = await this.store;
    const analysed = this.remembered(key) ?? store.get(key, text) ?? (await this.sections.analyse(text, urgent));
    // Editors' texts are not persisted: each keystroke's version would sit in the store until the next save drops it.
    if (!urgent) {
      this.diskHashes.set(uri, key);
      store.put(key, text, analysed);
      store.noteFile(uri, key, identity);
    }
    return this.result(uri, text, key, analysed);
  }

  /**
   * The text of the article file at `path` (`uri`) and its result, from the store rather than
   * the disk, when the file system says of the file what it said when it was last read (see
   * FileIdentity): a warm start then reads no file that has not changed. Null when it says
   * otherwise, or nothing is stored for the file.
   */
  async storedFile(uri: string, path: string, maxFileSize: number): Promise<{ text: string; result: ArticleResult } | null> {
    const store = await this.store;
    if (!store.knowsFile(uri)) return null;
    const identity = currentIdentity(path);
    // The text passed every check of checkArticleText when it was stored; only the size limit may have changed since.
    const known = identity && identity.size <= maxFileSize ? store.fileText(uri, identity) : null;
    if (!known) return null;
    const analysed = this.remembered(known.hash) ?? store.get(known.hash, known.text);
    if (!analysed) return null;
    this.diskHashes.set(uri, known.hash);
    return { text: known.text, result: this.result(uri, known.text, known.hash, analysed) };
  }

  /** Persists the analyses of the given articles (by uri), and what their files were, and drops every other stored one. */
  async saveStore(liveUris: Iterable<string>): Promise<void> {
    const live = new Map<string, string>();
    for (const uri of liveUris) {
      const hash = this.diskHashes.get(uri);
      if (hash !== undefined) live.set(uri, hash);
    }
    await (await this.store).save(live, this.takeMatcher);
  }

  /** The corpus-wide counts the store remembers for this corpus fingerprint, if it does (and has been read). */
  recallCounts(fingerprint: string): RememberedCounts | null {
    const counts = this.loadedStore?.counts ?? null;
    return counts?.fingerprint === fingerprint ? counts : null;
  }

  rememberCounts(counts: RememberedCounts): void {
    this.loadedStore?.rememberCounts(counts);
  }

  /** The quote matcher the store holds, given once; undefined until the store has been read. */
  recallMatcher(): Uint8Array | null | undefined {
    return this.loadedStore?.takeMatcher();
  }

  /** How each save takes the quote matcher's state (null: unchanged since the last). */
  saveMatcherWith(take: TakeMatcher): void {
    this.takeMatcher = take;
  }

  private remembered(key: string): AnalysedText | undefined {
    const cached = this.cache.get(key);
    if (!cached) return undefined;
    // Re-inserted by `result`: the Map's order is the recency order.
    this.cache.delete(key);
    this.cachedLength -= cached.length;
    return cached.analysed;
  }

  private result(uri: string, text: string, key: string, analysed: AnalysedText): ArticleResult {
    this.cache.set(key, { analysed, length: text.length });
    this.cachedLength += text.length;
    while (this.cache.size > 1 && (this.cache.size > this.capacity || this.cachedLength > this.capacityLength)) {
      const [oldest, entry] = this.cache.entries().next().value!;
      this.cache.delete(oldest);
      this.cachedLength -= entry.length;
    }
    const analysis = this.overlay(uri, text, analysed.analysis);
    const fingerprint = analysis === analysed.analysis ? key : `${key}+${contentHash(JSON.stringify(analysis))}`;
    return { analysis, matching: analysed.matching, fingerprint, problem: null };
  }
}

/** One call rather than a Hash object's three: at a warm start the object alone cost more than hashing the text. */
export function contentHash(text: string): string {
  return hash('sha1', text);
}
