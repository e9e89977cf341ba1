import type { RememberedCounts } from './articleAnalysis';
import type { TakeMatcher } from './persistence/analysisStore';
import type { Article, Corpus } from './corpus';
import { CorpusFingerprint } from './corpusFingerprint';
import { RecentAnswers } from './recentAnswers';
import { TimeSlices } from './timeSlices';
import { ClusterIndex, CorpusSpeakers, QuoteMatcher, type CorpusEntity, type Paraphrase, type QuoteCluster, type QuoteMatch } from './matching';
import { decodeMatcherSnapshot, encodeMatcherSnapshot } from './matching/matcherSnapshot';
import { quotesForMatching, speakersBuilt } from './workers/analysisCodec';

/**
 * Longest stretch that counting or clustering keeps the thread before letting requests in. A
 * request waits for a stretch more than once (its message is read, handled, then written on
 * later turns of the event loop), so a hover during the count takes about three stretches.
 */
const SLICE_MS = 0.5;
/** Attempts at clustering in slices while the corpus keeps changing, before one that holds the thread. */
const CLUSTERING_ATTEMPTS = 3;
/**
 * How old a remembered match may grow while a scan adds articles before it is worked out afresh
 * (after being given once more, see `RecentAnswers.dueOlderThan`). An added article can only add
 * matches, and the scan is still reading the rest of the corpus anyway; working a widely carried
 * quote's matches out afresh for every file added, or while a hover waits, would slow each hover
 * during indexing.
 */
const ANSWER_AGE_WHILE_SCANNING_MS = 500;
/**
 * How long typing must pause before an editor's changes are counted. Counting asks every quote
 * of the corpus again (over 100 ms at 5,000 articles), and clients refresh their views after a
 * count: at every short pause in typing, that is work nobody waits for.
 */
const EDITOR_RECOUNT_DELAY_MS = 1_000;

/**
 * Where the counts and the quote matcher outlive the session: counting a corpus seen before
 * costs nothing, and its articles need not be indexed again.
 */
export interface CorpusMemory {
  recallCounts(fingerprint: string): RememberedCounts | null;
  rememberCounts(counts: RememberedCounts): void;
  /** The matcher as last saved (see encodeMatcherSnapshot), given once: undefined while that is not known yet, null when none was. */
  recallMatcher(): Uint8Array | null | undefined;
  /** How to take the matcher to save (see TakeMatcher). */
  saveMatcherWith(take: TakeMatcher): void;
}

/**
 * Keeps the quote matcher and the corpus-wide speakers in step with the corpus, and answers
 * cross-article questions: which quotes other articles carry, the clusters of the same
 * utterance, and which speakers of different articles are one entity.
 */
export class CorpusLinks {
  private matcher = new QuoteMatcher();
  /** Until the first scan ends, the last session's matcher may be restored (see `restoreMatcher`). */
  private restoring = true;
  /**
   * Whether the matcher's indexes changed since they were last saved or restored, other than by
   * an editor's text: a snapshot is 16 MB at 5,000 articles, too much to write at every pause in
   * typing, and an editor's text rarely comes back the same in the next session anyway.
   */
  private matcherChanged = false;
  private readonly speakers = new CorpusSpeakers();
  private clusterCache: QuoteCluster[] | null = null;
  private clustering: Promise<QuoteCluster[]> | null = null;
  private clusterIndexCache: ClusterIndex | null = null;
  private readonly recentMatches = new RecentAnswers<QuoteMatch[]>({ sizeOf: (matches) => matches.length });
  private readonly recentParaphrases = new RecentAnswers<Paraphrase[]>({ sizeOf: (paraphrases) => paraphrases.length });
  private counts = { speakers: 0, linkedQuotes: 0 };
  private countsWorkedOut = 0;
  /**
   * `stale`: the counts lag behind the corpus. `pending`: they do because files changed (a scan,
   * a watcher), and the status says so until they are counted (`counting`); an editor's changes
   * make them stale quietly.
   */
  private recount: { timer: NodeJS.Timeout | undefined; generation: number; stale: boolean; pending: boolean; running: number; held: boolean } = {
    timer: undefined,
    generation: 0,
    stale: false,
    pending: false,
    running: -1,
    held: false,
  };
  private readonly countListeners: (() => void)[] = [];
  /** Every analysed article's uri and analysed content: the counts hold for the corpus it names. */
  private readonly fingerprint = new CorpusFingerprint();

  /**
   * `memory` keeps counts between sessions; `countingVersion` names the build of the matching
   * code, so that counts made by another build are never taken for this one's.
   */
  constructor(
    private readonly corpus: Corpus,
    private readonly recountDelayMs = 200,
    private readonly memory: CorpusMemory | null = null,
    private readonly countingVersion = '',
    private readonly editorRecountDelayMs = EDITOR_RECOUNT_DELAY_MS,
  ) {
    for (const article of corpus.all()) this.update(article.uri, article);
    corpus.onDidChange((uri, article) => this.update(uri, article));
    memory?.saveMatcherWith(() => this.matcherToSave());
  }

  /** Called when the corpus-wide counts have been worked out afresh. */
  onDidCount(listener: () => void): void {
    this.countListeners.push(listener);
  }

  /** How many times the counts have been worked out, changed or not: what the corpus's views follow. */
  get countedRevision(): number {
    return this.countsWorkedOut;
  }

  /** True while the counts lag behind changed files (they are worked out a while after the corpus settles). */
  get counting(): boolean {
    return this.recount.pending;
  }

  /** Verbatim matches of a quote elsewhere: other articles, and repeats within its own. Callers must not change them. */
  matchesOf(uri: string, quoteId: string): QuoteMatch[] {
    return this.recentMatches.answer(`${uri}\u0000${quoteId}`, () => this.matcher.matchesOf(uri, quoteId));
  }

  /** Callers must not change them. */
  paraphrasesOf(uri: string, quoteId: string): Paraphrase[] {
    return this.recentParaphrases.answer(`${uri}\u0000${quoteId}`, () => this.matcher.paraphrasesOf(uri, quoteId));
  }

  /** Ids of the article's quotes that at least one other article carries. */
  linkedQuoteIds(article: Article): Set<string> {
    const linked = new Set<string>();
    for (const quote of article.analysis?.quotes ?? []) {
      if (this.matcher.carriedElsewhere(article.uri, quote.id)) linked.add(quote.id);
    }
    return linked;
  }

  otherArticlesCarrying(uri: string, quoteId: string): Set<string> {
    return new Set(this.matchesOf(uri, quoteId).map((match) => match.articleId).filter((id) => id !== uri));
  }

  /** The clusters of the corpus as it is, worked out in slices (a second or more at thousands of articles). */
  clusters(): Promise<QuoteCluster[]> {
    if (this.clusterCache) return Promise.resolve(this.clusterCache);
    this.clustering ??= this.workOutClusters().finally(() => (this.clustering = null));
    return this.clustering;
  }

  /** The clusters of the corpus as it is, looked up by their member quotes. */
  async clusterIndex(): Promise<ClusterIndex> {
    const clusters = await this.clusters();
    if (this.clusterIndexCache?.clusters !== clusters) this.clusterIndexCache = new ClusterIndex(clusters);
    return this.clusterIndexCache;
  }

  /** Clusters whose occurrences stand in more than one article. */
  async crossArticleClusters(): Promise<QuoteCluster[]> {
    return (await this.clusters()).filter((cluster) => new Set(cluster.occurrences.map((occurrence) => occurrence.articleId)).size > 1);
  }

  private async workOutClusters(): Promise<QuoteCluster[]> {
    const slices = new TimeSlices(SLICE_MS);
    for (let attempt = 0; attempt < CLUSTERING_ATTEMPTS; attempt++) {
      const clusters = await this.matcher.clustersWithPauses(() => slices.yieldIfDue());
      if (clusters) return (this.clusterCache = clusters);
    }
    // Changes keep coming (typing in a long article): this time, to the end without a pause.
    return (this.clusterCache = this.matcher.clusters());
  }

  /** Quotes that another article carries too, as of the last count. */
  linkedQuoteCount(): number {
    return this.counts.linkedQuotes;
  }

  /** Corpus-wide speakers (entities), as of the last count. */
  speakerCount(): number {
    return this.counts.speakers;
  }

  entityOf(uri: string, speakerName: string): CorpusEntity | null {
    return this.speakers.entityOf(uri, speakerName);
  }

  entities(): readonly CorpusEntity[] {
    return this.speakers.entities();
  }

  private update(uri: string, article: Article | undefined): void {
    if (this.restoring && this.recount.held) this.restoreMatcher(uri);
    const revision = this.matcher.indexRevision;
    this.clusterCache = null;
    this.clusterIndexCache = null;
    if (this.recount.held && article?.origin === 'disk' && !this.matcher.hasArticle(uri)) {
      this.recentMatches.dueOlderThan(ANSWER_AGE_WHILE_SCANNING_MS);
      this.recentParaphrases.dueOlderThan(ANSWER_AGE_WHILE_SCANNING_MS);
    } else {
      this.forgetAnswers();
    }
    this.scheduleRecount(article?.origin === 'editor');
    this.fingerprint.set(uri, article?.analysis ? (article.fingerprint ?? '') : null);
    if (article?.analysis) {
      this.matcher.setArticle(uri, article.text, quotesForMatching(article.analysis), article.matching, article.fingerprint);
      // An editor's are grouped only once typing pauses.
      this.speakers.setArticle(uri, article.analysis, article.origin !== 'editor' && speakersBuilt(article.analysis));
    } else {
      this.matcher.removeArticle(uri);
      this.speakers.removeArticle(uri);
    }
    if (article?.origin !== 'editor' && this.matcher.indexRevision !== revision) this.matcherChanged = true;
  }

  /**
   * Counting asks every quote of the corpus whether another article carries it: too much to
   * redo per file while thousands stream in, and too much to do in one go on the thread that
   * answers hovers. So it waits until the corpus settles, then runs in short slices; after an
   * editor's change (`quiet`), until typing pauses, and without being reported.
   */
  private scheduleRecount(quiet: boolean): void {
    const generation = ++this.recount.generation;
    this.recount.stale = true;
    if (!quiet) this.recount.pending = true;
    clearTimeout(this.recount.timer);
    const delay = this.recount.pending ? this.recountDelayMs : this.editorRecountDelayMs;
    this.recount.timer = this.recount.held ? undefined : setTimeout(() => void this.runRecount(generation), delay);
    // A count still to come is no reason to keep a process alive (a finished test run, a CLI).
    this.recount.timer?.unref();
  }

  /**
   * While a scan streams files in, a pause of the workers would start a count that the next
   * file makes stale: counting waits for `countNow` (the scan's end) instead.
   */
  holdCounting(): void {
    this.recount.held = true;
    clearTimeout(this.recount.timer);
    this.recount.timer = undefined;
  }

  /**
   * At a scan, once the last session's matcher is known (the store has been read), it takes the
   * place of the one being built: articles already in the corpus are set in it again, and each
   * article the scan brings unchanged claims what it indexed (see QuoteMatcher.restored). The
   * article `uri` is being set by the caller.
   */
  private restoreMatcher(uri: string): void {
    const bytes = this.memory?.recallMatcher();
    if (bytes === undefined) return;
    this.restoring = false;
    const snapshot = bytes && decodeMatcherSnapshot(bytes, this.countingVersion);
    const restored = snapshot ? QuoteMatcher.restored(snapshot) : null;
    if (!restored) return;
    this.matcher = restored;
    this.matcherChanged = false;
    for (const article of this.corpus.all()) {
      if (article.uri !== uri && article.analysis) restored.setArticle(article.uri, article.text, quotesForMatching(article.analysis), article.matching, article.fingerprint);
    }
  }

  /** The matcher to save, taken now and encoded when asked, unless it is as last saved or restored (see `matcherChanged`). */
  private matcherToSave(): (() => Uint8Array) | null {
    if (this.restoring || !this.matcherChanged) return null;
    this.matcherChanged = false;
    // Its arrays are copies: a change after this is the next save's.
    const snapshot = this.matcher.snapshot();
    return () => encodeMatcherSnapshot(this.countingVersion, snapshot);
  }

  /** Counts now rather than after the delay: the caller knows no more changes are coming (a scan has ended). */
  countNow(): void {
    this.restoring = false;
    // What a restored matcher holds of articles the scan did not bring: files gone since.
    const revision = this.matcher.indexRevision;
    this.matcher.forgetUnclaimed();
    if (this.matcher.indexRevision !== revision) this.matcherChanged = true;
    this.recount.held = false;
    // Answers made while the scan added articles may lack the last ones added.
    this.forgetAnswers();
    if (!this.recount.stale) return;
    clearTimeout(this.recount.timer);
    void this.runRecount(this.recount.generation);
  }

  private forgetAnswers(): void {
    this.recentMatches.forgetAll();
    this.recentParaphrases.forgetAll();
  }

  private async runRecount(generation: number): Promise<void> {
    if (this.recount.running === generation) return;
    this.recount.running = generation;
    const fingerprint = this.memory ? this.fingerprint.value(this.countingVersion) : null;
    const known = fingerprint === null ? null : this.memory?.recallCounts(fingerprint);
    if (known) {
      this.finishCount(known.speakers, known.linkedQuotes);
      return;
    }
    let linkedQuotes = 0;
    const slices = new TimeSlices(SLICE_MS);
    for (const article of [...this.corpus.all()]) {
      // Pauses between quotes, not articles: one quote with no exact copy elsewhere is matched in full, a few milliseconds at thousands of articles.
      for (const quote of article.analysis?.quotes ?? []) {
        if (slices.due) {
          await slices.yieldIfDue();
          if (generation !== this.recount.generation) return;
        }
        if (this.matcher.carriedElsewhere(article.uri, quote.id, false)) linkedQuotes += 1;
      }
    }
    if (generation !== this.recount.generation) return;
    const speakers = await this.speakers.countWithPauses(() => slices.yieldIfDue());
    if (speakers === null || generation !== this.recount.generation) return;
    if (fingerprint !== null) this.memory?.rememberCounts({ fingerprint, speakers, linkedQuotes });
    this.finishCount(speakers, linkedQuotes);
  }

  private finishCount(speakers: number, linkedQuotes: number): void {
    this.counts = { speakers, linkedQuotes };
    this.countsWorkedOut += 1;
    this.recount.stale = false;
    this.recount.pending = false;
    this.countListeners.forEach((listener) => listener());
  }
}
