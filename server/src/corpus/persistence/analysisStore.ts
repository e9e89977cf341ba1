import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Analysis } from '../../engine';

const FILE_NAME = 'analysis-index.v1.bin';

interface StoredIndex {
  engine: string;
  entries: Map<string, Analysis>;
}

/**
 * The analyses of earlier sessions, kept in the extension's storage and keyed by content hash,
 * valid only for the engine build that made them. A missing, corrupt or stale file is
 * ignored (and replaced at the next save): the store can only save work, never break indexing.
 */
export class AnalysisStore {
  private dirty = false;

  private constructor(
    private readonly folder: string | null,
    private readonly engine: string,
    private readonly entries: Map<string, Analysis>,
  ) {}

  static inMemory(): AnalysisStore {
    return new AnalysisStore(null, '', new Map());
  }

  static async open(folder: string, engine: string): Promise<AnalysisStore> {
    try {
      const stored: unknown = deserialize(await readFile(join(folder, FILE_NAME)));
      if (isStoredIndex(stored) && stored.engine === engine) return new AnalysisStore(folder, engine, stored.entries);
    } catch {
      // No index yet, or one this build cannot read: start afresh.
    }
    return new AnalysisStore(folder, engine, new Map());
  }

  get size(): number {
    return this.entries.size;
  }

  get(hash: string): Analysis | undefined {
    return this.entries.get(hash);
  }

  put(hash: string, analysis: Analysis): void {
    if (this.entries.get(hash) === analysis) return;
    this.entries.set(hash, analysis);
    this.dirty = true;
  }

  /** Writes the entries still in use (`live` hashes) and forgets the rest; atomic, never throws. */
  async save(live: ReadonlySet<string>): Promise<void> {
    for (const hash of [...this.entries.keys()]) {
      if (!live.has(hash)) {
        this.entries.delete(hash);
        this.dirty = true;
      }
    }
    if (this.folder === null || !this.dirty) return;
    this.dirty = false;
    try {
      await mkdir(this.folder, { recursive: true });
      const temporary = join(this.folder, `${FILE_NAME}.${process.pid}.tmp`);
      const index: StoredIndex = { engine: this.engine, entries: this.entries };
      await writeFile(temporary, serialize(index));
      await rename(temporary, join(this.folder, FILE_NAME));
    } catch {
      // A read-only or full disk costs the next session a cold start, nothing more.
      this.dirty = true;
    }
  }
}

function isStoredIndex(value: unknown): value is StoredIndex {
  if (typeof value !== 'object' || value === null) return false;
  const { engine, entries } = value as Partial<StoredIndex>;
  if (typeof engine !== 'string' || !(entries instanceof Map)) return false;
  for (const [hash, analysis] of entries) if (typeof hash !== 'string' || !isAnalysis(analysis)) return false;
  return true;
}

function isAnalysis(value: unknown): value is Analysis {
  if (typeof value !== 'object' || value === null) return false;
  const { quotes, speakers, outlets, attributions } = value as Partial<Analysis>;
  return Array.isArray(quotes) && Array.isArray(speakers) && Array.isArray(outlets) && Array.isArray(attributions);
}
