import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ArticleAnalyzer } from './articleAnalysis';
import { readArticleFile } from './articleFile';
import { SETTLED_AFTER_MS } from './fileIdentity';
import type { Corpus } from './corpus';
import { IncludedFiles, type ListedFile } from './includedFiles';
import { TimeSlices } from './timeSlices';

const FILES_IN_FLIGHT = 8;
/**
 * Longest stretch a scan keeps the thread. Files whose analyses are stored need no worker, so
 * a warm scan would otherwise read and index thousands of them before answering a hover.
 */
const SCAN_SLICE_MS = 2;
/**
 * When the persisted index is rewritten: `delayMs` after the last change, and once the user
 * has stopped typing for `quietMs` (rewriting thousands of entries competes with each
 * keystroke's analysis for the thread and the heap: typing in a long article while it ran
 * took half as long again at the 95th percentile), but never more than `maxDeferMs` after it
 * was first due.
 */
export interface SaveTiming {
  delayMs: number;
  quietMs: number;
  maxDeferMs: number;
}

const SAVE_TIMING: SaveTiming = { delayMs: 5_000, quietMs: 2_000, maxDeferMs: 60_000 };

export interface FolderSettings {
  include: string[];
  maxFileSize: number;
}

export interface IndexingProgress {
  begin(total: number): void;
  report(done: number, total: number, file: string): void;
  end(): void;
}

export interface IndexerHost {
  settingsOf(folderUri: string): Promise<FolderSettings>;
  /** Whether an editor holds the file: then the editor's text wins over the disk's. */
  isOpen(uri: string): boolean;
  log(message: string): void;
  /** A folder was listed for a scan: its article files, and every file the listing saw. */
  listed?(articles: readonly ListedFile[], seen: ReadonlySet<string>): void;
}

/**
 * Keeps the corpus in step with the article files of the workspace folders: a full scan at
 * start and on settings changes, then one file at a time as watchers report changes.
 */
export class WorkspaceIndexer {
  private folders = new Map<string, { files: IncludedFiles; maxFileSize: number }>();
  private scan: Promise<void> = Promise.resolve();
  private generation = 0;
  /** The latest read of each file being indexed; numbers are never reused, so a stale read never passes for a newer one. */
  private readonly reads = new Map<string, number>();
  private lastRead = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  /** When the pending save was first asked for, and when an editor last changed. */
  private saveDueSince: number | null = null;
  private lastEdit = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly corpus: Corpus,
    private readonly analyzer: ArticleAnalyzer,
    private readonly host: IndexerHost,
    private readonly saveTiming = SAVE_TIMING,
    /** See SETTLED_AFTER_MS (tests shorten it). */
    private readonly settledAfterMs = SETTLED_AFTER_MS,
  ) {}

  /** Rescans every folder; an older scan still running stops at its next file. */
  reindex(folderUris: readonly string[], progress: IndexingProgress): Promise<void> {
    const generation = ++this.generation;
    this.scan = this.scan.then(() => this.runScan(folderUris, progress, generation));
    return this.scan;
  }

  whenIdle(): Promise<void> {
    return this.scan;
  }

  /** The include globs in force for `uri`'s folder, if the file is an article. */
  includes(uri: string): boolean {
    const path = toPath(uri);
    return path !== null && [...this.folders.values()].some(({ files }) => files.includes(path));
  }

  async fileChanged(uri: string): Promise<void> {
    const path = toPath(uri);
    if (path === null || this.host.isOpen(uri)) return;
    const folder = [...this.folders.values()].find(({ files }) => files.includes(path));
    if (!folder) return;
    // The uri as a scan spells it, whichever way the watcher spelled it.
    await this.indexFile(path, pathToFileURL(path).toString(), folder.maxFileSize);
    this.saveSoon();
  }

  /**
   * Rewrites the persisted index a while after the last change (a scan's end, a watched file,
   * new corpus counts), so that one write covers a burst of them, and not while the user types
   * (see SaveTiming).
   */
  saveSoon(): void {
    this.saveDueSince ??= performance.now();
    this.saveIn(this.saveTiming.delayMs);
  }

  /** An editor's text changed: the user is typing. */
  editorChanged(): void {
    this.lastEdit = performance.now();
  }

  private saveIn(ms: number): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveWhenQuiet(), ms);
    this.saveTimer.unref();
  }

  private async saveWhenQuiet(): Promise<void> {
    const now = performance.now();
    const quietIn = this.lastEdit + this.saveTiming.quietMs - now;
    const deferredFor = now - (this.saveDueSince ?? now);
    if (quietIn > 0 && deferredFor < this.saveTiming.maxDeferMs) {
      this.saveIn(Math.min(quietIn, this.saveTiming.maxDeferMs - deferredFor));
      return;
    }
    await this.saveNow();
  }

  /** Writes what a pending `saveSoon` would have written (at shutdown). */
  async flush(): Promise<void> {
    if (this.saveTimer === undefined) return;
    await this.saveNow();
  }

  private async saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.saveDueSince = null;
    await this.analyzer.saveStore(this.diskArticleUris());
  }

  fileDeleted(uri: string): void {
    if (this.host.isOpen(uri)) return;
    // A read still being analysed must not bring the deleted file back.
    this.reads.delete(uri);
    this.corpus.delete(uri);
  }

  /** Reverts a closed editor's article to the file on disk, or drops it when it is not an article file. */
  async editorClosed(uri: string): Promise<void> {
    if (this.includes(uri)) {
      await this.fileChanged(uri);
    } else {
      this.corpus.delete(uri);
    }
  }

  private async runScan(folderUris: readonly string[], progress: IndexingProgress, generation: number): Promise<void> {
    const folders = new Map<string, { files: IncludedFiles; maxFileSize: number }>();
    for (const folderUri of folderUris) {
      const path = toPath(folderUri);
      if (path === null) continue;
      const { include, maxFileSize } = await this.host.settingsOf(folderUri);
      folders.set(folderUri, { files: new IncludedFiles(path, include), maxFileSize });
    }
    this.folders = folders;
    const work: { path: string; uri: string; maxFileSize: number }[] = [];
    for (const { files, maxFileSize } of folders.values()) {
      const { included, seen } = await files.list();
      this.host.listed?.(included, seen);
      for (const { path, uri } of included) work.push({ path, uri, maxFileSize });
    }
    const wanted = new Set(work.map(({ uri }) => uri));
    for (const article of [...this.corpus.all()]) {
      if (article.origin === 'disk' && !wanted.has(article.uri)) this.corpus.delete(article.uri);
    }
    progress.begin(work.length);
    let next = 0;
    let done = 0;
    const slices = new TimeSlices(SCAN_SLICE_MS);
    // Several files in flight keep the analysis workers busy while this thread reads and merges.
    const lane = async (): Promise<void> => {
      while (next < work.length && generation === this.generation) {
        await slices.yieldIfDue();
        if (next >= work.length || generation !== this.generation) break;
        const { path, uri, maxFileSize } = work[next++]!;
        await this.indexFile(path, uri, maxFileSize);
        progress.report(++done, work.length, path);
      }
    };
    try {
      await Promise.all(Array.from({ length: FILES_IN_FLIGHT }, lane));
    } finally {
      progress.end();
    }
    if (generation === this.generation) this.saveSoon();
  }

  /** Article files, open or not: an open file's analysis is kept while its editor still holds what the disk does. */
  private diskArticleUris(): string[] {
    return [...this.corpus.all()].filter((article) => article.analysis !== null && (article.origin === 'disk' || this.includes(article.uri))).map((article) => article.uri);
  }

  /**
   * Reads and analyses a file. An open file's editor text stays in the corpus, but what the disk
   * holds is still analysed: it is persisted, so the next session's editor on the same text
   * finds its analysis stored rather than waiting for a worker to start.
   */
  private async indexFile(path: string, uri: string, maxFileSize: number): Promise<void> {
    // A newer read of the same file (a watcher event during the scan) wins over this one.
    const read = ++this.lastRead;
    this.reads.set(uri, read);
    const latest = (): boolean => this.reads.get(uri) === read;
    const current = (): boolean => latest() && !this.host.isOpen(uri);
    try {
      const stored = await this.analyzer.storedFile(uri, path, maxFileSize);
      if (stored) {
        if (current()) this.corpus.set(uri, stored.text, 'disk', 0, stored.result);
        return;
      }
      if (!latest()) return;
      const content = readArticleFile(path, maxFileSize, this.settledAfterMs);
      if (!latest()) return;
      if (content.problem) {
        if (current()) this.corpus.set(uri, '', 'disk', 0, { analysis: null, matching: null, fingerprint: null, problem: content.problem });
        return;
      }
      const result = await this.analyzer.analyseInBackground(uri, content.text, maxFileSize, false, content.identity);
      // The editor may have opened the file while it was being read or analysed.
      if (current()) this.corpus.set(uri, content.text, 'disk', 0, result);
    } catch (error) {
      // Deleted or renamed while indexing: the watcher reports it; nothing to keep.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') {
        // An open editor keeps its article, whatever became of the file.
        if (!this.host.isOpen(uri)) this.corpus.delete(uri);
        return;
      }
      this.host.log(`Could not read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (this.reads.get(uri) === read) this.reads.delete(uri);
    }
  }
}

function toPath(uri: string): string | null {
  return uri.startsWith('file:') ? fileURLToPath(uri) : null;
}
