import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Analysis } from '../../engine';
import type { RememberedCounts } from '../articleAnalysis';
import type { PreparedArticle } from '../matching/preparedArticle';
import type { AnalysedText } from '../workers/analysisMessages';

/** Entries are spread over this many files by the first hex digit of their hash. */
const SHARDS = 16;
const SHARD_FILE = (shard: number): string => `analysis-index.v3.${shard.toString(16)}.bin`;
const COUNTS_FILE = 'analysis-counts.v3.bin';

interface StoredShard {
  engine: string;
  entries: Map<string, AnalysedText>;
}

interface StoredCounts {
  engine: string;
  counts: RememberedCounts | null;
}

/**
 * The analyses of earlier sessions, with the quote matcher's input (so a warm start reads no
 * text for it), kept in the extension's storage and keyed by content hash, valid only for the
 * engine build that made them. A missing, corrupt or stale file is ignored (and replaced at
 * the next save): the store can only save work, never break indexing.
 *
 * Entries live in sixteen files rather than one: reading one file at a time never holds the
 * whole index twice in memory (bytes and objects), and a save rewrites only the files whose
 * entries changed.
 */
export class AnalysisStore {
  private readonly dirtyShards = new Set<number>();
  private countsDirty = false;
  /** Saves run one after another: two writing the same temporary file at once could corrupt it. */
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly folder: string | null,
    private readonly engine: string,
    private readonly shards: Map<string, AnalysedText>[],
    private remembered: RememberedCounts | null = null,
  ) {}

  static inMemory(): AnalysisStore {
    return new AnalysisStore(null, '', emptyShards());
  }

  static async open(folder: string, engine: string): Promise<AnalysisStore> {
    const shards = emptyShards();
    for (let shard = 0; shard < SHARDS; shard++) {
      const stored = await readStored(join(folder, SHARD_FILE(shard)));
      if (isStoredShard(stored) && stored.engine === engine) shards[shard] = ownArrays(stored.entries);
    }
    const counts = await readStored(join(folder, COUNTS_FILE));
    return new AnalysisStore(folder, engine, shards, isStoredCounts(counts) && counts.engine === engine ? counts.counts : null);
  }

  /** The corpus-wide counts last worked out, with the fingerprint of the corpus they were counted on. */
  get counts(): RememberedCounts | null {
    return this.remembered;
  }

  rememberCounts(counts: RememberedCounts): void {
    if (this.remembered?.fingerprint === counts.fingerprint && this.remembered.speakers === counts.speakers && this.remembered.linkedQuotes === counts.linkedQuotes) return;
    this.remembered = counts;
    this.countsDirty = true;
  }

  get size(): number {
    return this.shards.reduce((sum, entries) => sum + entries.size, 0);
  }

  get(hash: string): AnalysedText | undefined {
    return this.shards[shardOf(hash)]?.get(hash);
  }

  put(hash: string, analysed: AnalysedText): void {
    const shard = shardOf(hash);
    const entries = this.shards[shard] as Map<string, AnalysedText>;
    if (entries.get(hash) === analysed) return;
    entries.set(hash, analysed);
    this.dirtyShards.add(shard);
  }

  /** Writes the entries still in use (`live` hashes) and forgets the rest; each file atomically, never throws. */
  save(live: ReadonlySet<string>): Promise<void> {
    this.saving = this.saving.then(() => this.write(live));
    return this.saving;
  }

  private async write(live: ReadonlySet<string>): Promise<void> {
    this.shards.forEach((entries, shard) => {
      for (const hash of [...entries.keys()]) {
        if (!live.has(hash)) {
          entries.delete(hash);
          this.dirtyShards.add(shard);
        }
      }
    });
    if (this.folder === null) {
      this.dirtyShards.clear();
      this.countsDirty = false;
      return;
    }
    const folder = this.folder;
    try {
      await mkdir(folder, { recursive: true });
      for (const shard of [...this.dirtyShards]) {
        this.dirtyShards.delete(shard);
        const stored: StoredShard = { engine: this.engine, entries: this.shards[shard] as Map<string, AnalysedText> };
        await writeAtomically(folder, SHARD_FILE(shard), serialize(stored));
      }
      if (this.countsDirty) {
        this.countsDirty = false;
        const stored: StoredCounts = { engine: this.engine, counts: this.remembered };
        await writeAtomically(folder, COUNTS_FILE, serialize(stored));
      }
    } catch {
      // A read-only or full disk costs the next session a cold start, nothing more.
      this.shards.forEach((_entries, shard) => this.dirtyShards.add(shard));
      this.countsDirty = true;
    }
  }
}

function emptyShards(): Map<string, AnalysedText>[] {
  return Array.from({ length: SHARDS }, () => new Map<string, AnalysedText>());
}

function shardOf(hash: string): number {
  const digit = Number.parseInt(hash.charAt(0), 16);
  return Number.isNaN(digit) ? 0 : digit % SHARDS;
}

async function readStored(path: string): Promise<unknown> {
  try {
    return deserialize(await readFile(path));
  } catch {
    // Not there yet, or not a file this build can read: nothing stored.
    return null;
  }
}

async function writeAtomically(folder: string, name: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(folder, `${name}.${process.pid}.tmp`);
  await writeFile(temporary, bytes);
  await rename(temporary, join(folder, name));
}

/**
 * Typed arrays that `deserialize` returns are views into the buffer it read: kept as they are,
 * any one of them would keep the whole file in memory for the session. Each gets its own copy.
 */
function ownArrays(entries: Map<string, AnalysedText>): Map<string, AnalysedText> {
  for (const analysed of entries.values()) {
    const { words, quoteSpans, packed, quoteBase, passageSpans, passageWords } = analysed.matching;
    analysed.matching = {
      words,
      quoteSpans: quoteSpans.slice(),
      packed: packed.slice(),
      quoteBase: quoteBase.slice(),
      passageSpans: passageSpans.slice(),
      passageWords: passageWords.slice(),
    };
  }
  return entries;
}

function isStoredShard(value: unknown): value is StoredShard {
  if (typeof value !== 'object' || value === null) return false;
  const { engine, entries } = value as Partial<StoredShard>;
  if (typeof engine !== 'string' || !(entries instanceof Map)) return false;
  for (const [hash, analysed] of entries) if (typeof hash !== 'string' || !isAnalysedText(analysed)) return false;
  return true;
}

function isStoredCounts(value: unknown): value is StoredCounts {
  if (typeof value !== 'object' || value === null) return false;
  const { engine, counts } = value as Partial<StoredCounts>;
  return typeof engine === 'string' && (counts === null || isCounts(counts));
}

function isCounts(value: unknown): value is RememberedCounts {
  if (typeof value !== 'object' || value === null) return false;
  const { fingerprint, speakers, linkedQuotes } = value as Partial<RememberedCounts>;
  return typeof fingerprint === 'string' && typeof speakers === 'number' && typeof linkedQuotes === 'number';
}

function isAnalysedText(value: unknown): value is AnalysedText {
  if (typeof value !== 'object' || value === null) return false;
  const { analysis, matching } = value as Partial<AnalysedText>;
  return isAnalysis(analysis) && isPreparedArticle(matching);
}

function isPreparedArticle(value: unknown): value is PreparedArticle {
  if (typeof value !== 'object' || value === null) return false;
  const { words, quoteSpans, packed, quoteBase, passageSpans, passageWords } = value as Partial<PreparedArticle>;
  return (
    typeof words === 'string' &&
    quoteSpans instanceof Int32Array &&
    packed instanceof Uint32Array &&
    quoteBase instanceof Uint32Array &&
    passageSpans instanceof Int32Array &&
    passageWords instanceof Int32Array
  );
}

function isAnalysis(value: unknown): value is Analysis {
  if (typeof value !== 'object' || value === null) return false;
  const { quotes, speakers, outlets, attributions } = value as Partial<Analysis>;
  return Array.isArray(quotes) && Array.isArray(speakers) && Array.isArray(outlets) && Array.isArray(attributions);
}
