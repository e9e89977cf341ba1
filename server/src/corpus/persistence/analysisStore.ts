import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { RememberedCounts } from '../articleAnalysis';
import { isFileIdentity, sameIdentity, type FileIdentity } from '../fileIdentity';
import { preparedWords } from '../matching/preparedArticle';
import { noteTabledWords, WordTable } from '../matching/wordTable';
import { decodeAnalysis, encodeAnalysis, spanTextsAreSlices } from '../workers/analysisCodec';
import type { AnalysedText } from '../workers/analysisMessages';
import { TimeSlices } from '../timeSlices';
import { JoinedStrings } from './joinedStrings';
import { readShard, writeShard } from './shardFile';
import { storedEntryBytes, storedEntryFrom, type StoredEntry, type WrittenEntry } from './storedEntry';

/** Entries are spread over this many files by the first hex digit of their hash. */
const SHARDS = 16;
const SHARD_FILE = (shard: number): string => `analysis-index.v12.${shard.toString(16)}.bin`;
/** The key, in each shard file, of the words of all its entries' matcher inputs (entries are keyed by content hash, never by this). */
const WORD_TABLE_KEY = 'words';
/** The keys of all its entries' texts, and of all their matchers' word lists, each joined (see JoinedStrings). */
const TEXTS_KEY = 'texts';
const WORD_LISTS_KEY = 'word lists';
const COUNTS_FILE = 'analysis-counts.v7.bin';
const FILES_FILE = 'analysis-files.v1.bin';
/** The quote matcher's snapshot (see MatcherSnapshot), framed and checked like a shard file under one key. */
const MATCHER_FILE = 'analysis-matcher.v2.bin';
const MATCHER_KEY = 'matcher';
/** Longest stretch that reading or writing the store keeps the server's thread. */
const SLICE_MS = 2;

/**
 * Takes the quote matcher's state for a save, or null when it has not changed since it was last
 * taken; what it gives encodes the state taken. At 5,000 articles taking it holds the thread
 * about 18 ms and encoding it about 12: in one go, saves held it 30-34 ms.
 */
export type TakeMatcher = () => (() => Uint8Array) | null;

/**
 * One entry in memory: as read from disk (decoded when first asked for, with the text it is
 * of), or as analysed this session. Only analyses whose span texts are slices of their text
 * (`sliceable`, all the engine makes) are written: everything read back is then checked by the
 * decoder, and nothing from disk reaches the features unchecked.
 */
type Entry = { readonly stored: StoredEntry } | { readonly analysed: AnalysedText; readonly sliceable: boolean; readonly text: string };

interface StoredCounts {
  engine: string;
  counts: RememberedCounts | null;
}

/** An article file as last read: what the file system said of it then, and its content's hash. */
interface KnownFile {
  readonly identity: FileIdentity;
  readonly hash: string;
}

/** The known files as written: [uri, hash, size, mtimeMs, ctimeMs, ino] each. */
interface StoredFiles {
  engine: string;
  files: unknown[];
}

/**
 * The analyses of earlier sessions, with the quote matcher's input (so a warm start reads no
 * text for it), kept in the extension's storage and keyed by content hash, valid only for the
 * engine build that made them. A missing, corrupt or stale file is ignored (and replaced at
 * the next save): the store can only save work, never break indexing.
 *
 * Entries live in sixteen files rather than one: reading one file at a time never holds the
 * whole index twice in memory (bytes and objects), and a save rewrites only the files whose
 * entries changed. Within a file each entry is serialised apart, and reading or writing lets
 * requests in every few milliseconds: the first save after indexing thousands of articles
 * used to hold the thread for a quarter of a second per file.
 */
export class AnalysisStore {
  private readonly dirtyShards = new Set<number>();
  private countsDirty = false;
  private filesDirty = false;
  /** Saves run one after another: two writing the same temporary file at once could corrupt it. */
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly folder: string | null,
    private readonly engine: string,
    private readonly shards: Map<string, Entry>[],
    private remembered: RememberedCounts | null = null,
    /** Article files by uri, so that a warm start can take an unchanged file's text from here rather than read it. */
    private readonly files = new Map<string, KnownFile>(),
    private matcher: Uint8Array | null = null,
  ) {}

  static inMemory(): AnalysisStore {
    return new AnalysisStore(null, '', emptyShards());
  }

  static async open(folder: string, engine: string): Promise<AnalysisStore> {
    const shards = emptyShards();
    const slices = new TimeSlices(SLICE_MS);
    for (let shard = 0; shard < SHARDS; shard++) {
      await slices.yieldIfDue();
      const stored = readShardFile(join(folder, SHARD_FILE(shard)), engine);
      if (stored) shards[shard] = await loadedEntries(stored, slices);
    }
    const counts = await readStored(join(folder, COUNTS_FILE));
    const files = knownFiles(await readStored(join(folder, FILES_FILE)), engine);
    const matcher = readShardFile(join(folder, MATCHER_FILE), engine)?.get(MATCHER_KEY) ?? null;
    return new AnalysisStore(folder, engine, shards, isStoredCounts(counts) && counts.engine === engine ? counts.counts : null, files, matcher);
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

  /** The quote matcher's snapshot as the last session saved it, if it was made with this engine; given once, then forgotten. */
  takeMatcher(): Uint8Array | null {
    const matcher = this.matcher;
    this.matcher = null;
    return matcher;
  }

  get size(): number {
    return this.shards.reduce((sum, entries) => sum + entries.size, 0);
  }

  /** The analysis of `text`, whose content hash is `hash`, if stored. */
  get(hash: string, text: string): AnalysedText | undefined {
    const shard = shardOf(hash);
    const entries = this.shards[shard] as Map<string, Entry>;
    const entry = entries.get(hash);
    if (!entry || 'analysed' in entry) return entry?.analysed;
    const analysis = decodeAnalysis(text, entry.stored.encoded);
    const analysed = analysis && { analysis, matching: entry.stored.matching };
    if (analysed) {
      entries.set(hash, { analysed, sliceable: true, text });
    } else {
      // Damaged on disk: analysed again, and written afresh at the next save.
      entries.delete(hash);
      this.dirtyShards.add(shard);
    }
    return analysed ?? undefined;
  }

  put(hash: string, text: string, analysed: AnalysedText): void {
    const shard = shardOf(hash);
    const entries = this.shards[shard] as Map<string, Entry>;
    const known = entries.get(hash);
    if (known && 'analysed' in known && known.analysed === analysed) return;
    entries.set(hash, { analysed, sliceable: spanTextsAreSlices(text, analysed.analysis), text });
    this.dirtyShards.add(shard);
  }

  /**
   * Notes that the article file at `uri` held the text whose hash is `hash` when the file system
   * said `identity` of it; null (the file had changed too recently to tell) forgets the file.
   */
  noteFile(uri: string, hash: string, identity: FileIdentity | null): void {
    const known = this.files.get(uri);
    if (identity === null) {
      if (known) this.filesDirty = true;
      this.files.delete(uri);
      return;
    }
    if (known?.hash === hash && sameIdentity(known.identity, identity)) return;
    this.files.set(uri, { identity, hash });
    this.filesDirty = true;
  }

  /** Whether `uri` was noted, so that asking `fileText` is worth a look at the file. */
  knowsFile(uri: string): boolean {
    return this.files.has(uri);
  }

  /** The text the file at `uri` holds, and its hash, when the file system still says `identity` of it and its entry is stored. */
  fileText(uri: string, identity: FileIdentity): { hash: string; text: string } | null {
    const known = this.files.get(uri);
    if (!known || !sameIdentity(known.identity, identity)) return null;
    const entry = this.shards[shardOf(known.hash)]?.get(known.hash);
    if (!entry) return null;
    return { hash: known.hash, text: 'stored' in entry ? entry.stored.text : entry.text };
  }

  /**
   * Writes the entries and files still in use (`live`: each article file's uri and its text's
   * hash) and forgets the rest, and the quote matcher's snapshot `takeMatcher` gives (null: the
   * one written is still good); each file atomically, never throws.
   */
  save(live: ReadonlyMap<string, string>, takeMatcher: TakeMatcher | null = null): Promise<void> {
    this.saving = this.saving.then(() => this.write(live, takeMatcher));
    return this.saving;
  }

  private async write(liveFiles: ReadonlyMap<string, string>, takeMatcher: TakeMatcher | null): Promise<void> {
    const live = new Set(liveFiles.values());
    for (const [uri, { hash }] of this.files) {
      if (liveFiles.get(uri) !== hash) {
        this.files.delete(uri);
        this.filesDirty = true;
      }
    }
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
      this.filesDirty = false;
      return;
    }
    const folder = this.folder;
    const slices = new TimeSlices(SLICE_MS);
    try {
      await mkdir(folder, { recursive: true });
      for (const shard of [...this.dirtyShards]) {
        // Entries put while this shard is being written mark it dirty again, for the next save.
        this.dirtyShards.delete(shard);
        const entries = storedEntries(this.shards[shard] as Map<string, Entry>, slices);
        await writeAtomically(folder, SHARD_FILE(shard), (file) => writeShard(file, this.engine, entries));
      }
      if (this.countsDirty) {
        this.countsDirty = false;
        const stored: StoredCounts = { engine: this.engine, counts: this.remembered };
        await writeAtomically(folder, COUNTS_FILE, (file) => file.writeFile(serialize(stored)));
      }
      if (this.filesDirty) {
        this.filesDirty = false;
        const stored: StoredFiles = { engine: this.engine, files: [...this.files].map(([uri, { hash, identity }]) => [uri, hash, identity.size, identity.mtimeMs, identity.ctimeMs, identity.ino]) };
        await writeAtomically(folder, FILES_FILE, (file) => file.writeFile(serialize(stored)));
      }
      const encodeMatcher = takeMatcher?.() ?? null;
      if (encodeMatcher) await slices.letRequestsIn();
      const matcher = encodeMatcher?.();
      if (matcher) await writeAtomically(folder, MATCHER_FILE, (file) => writeShard(file, this.engine, oneEntry(MATCHER_KEY, matcher)));
      await removeOlderFormats(folder);
    } catch {
      // A read-only or full disk costs the next session a cold start, nothing more.
      this.shards.forEach((_entries, shard) => this.dirtyShards.add(shard));
      this.countsDirty = true;
      this.filesDirty = true;
    }
  }
}

function emptyShards(): Map<string, Entry>[] {
  return Array.from({ length: SHARDS }, () => new Map<string, Entry>());
}

/**
 * What a shard file holds of its entries, each serialised on its own (a WrittenEntry) as the
 * file is written, after the table of all their words (see WordTable), their texts and their
 * word lists (see JoinedStrings).
 */
async function* storedEntries(entries: ReadonlyMap<string, Entry>, slices: TimeSlices): AsyncGenerator<readonly [string, Uint8Array]> {
  const live = [...entries];
  const table = new Map<string, number>();
  const positionOf = (word: string): number => {
    let position = table.get(word);
    if (position === undefined) {
      position = table.size;
      table.set(word, position);
    }
    return position;
  };
  const written: (readonly [string, WrittenEntry])[] = [];
  const texts = new JoinedStrings();
  const wordLists = new JoinedStrings();
  for (const [hash, entry] of live) {
    await slices.yieldIfDue();
    const stored = storedOf(entry);
    if (stored === null) continue;
    const words = preparedWords(stored.matching);
    const wordPositions = new Uint32Array(words.length);
    for (let index = 0; index < words.length; index += 1) wordPositions[index] = positionOf(words[index] as string);
    written.push([hash, { ...stored, wordPositions, textStart: texts.add(stored.text), wordsStart: wordLists.add(stored.matching.words) }]);
  }
  yield [WORD_TABLE_KEY, Buffer.from([...table.keys()].join('\n'), 'utf8')];
  yield [TEXTS_KEY, texts.bytes()];
  yield [WORD_LISTS_KEY, wordLists.bytes()];
  for (const [hash, entry] of written) {
    await slices.yieldIfDue();
    yield [hash, storedEntryBytes(entry)];
  }
}

async function* oneEntry(key: string, bytes: Uint8Array): AsyncGenerator<readonly [string, Uint8Array]> {
  yield [key, bytes];
}

function storedOf(entry: Entry): StoredEntry | null {
  if ('stored' in entry) return entry.stored;
  const { analysed, sliceable, text } = entry;
  return sliceable ? { encoded: encodeAnalysis(analysed.analysis), matching: analysed.matching, text } : null;
}

function shardOf(hash: string): number {
  const digit = Number.parseInt(hash.charAt(0), 16);
  return Number.isNaN(digit) ? 0 : digit % SHARDS;
}

/**
 * Read at once rather than through the thread pool: a file of a 5,000-article index takes about
 * a millisecond to read, and waiting for asynchronous reads (even one file ahead) left the thread
 * idle for a fifth of opening the index.
 */
function readShardFile(path: string, engine: string): Map<string, Uint8Array> | null {
  try {
    return readShard(readFileSync(path), engine);
  } catch {
    // Not there yet: nothing stored.
    return null;
  }
}

async function readStored(path: string): Promise<unknown> {
  try {
    return deserialize(await readFile(path));
  } catch {
    // Not there yet, or not a file this build can read: nothing stored.
    return null;
  }
}

/** Index files of earlier formats (other names) are never read again: they would only take disk space. */
async function removeOlderFormats(folder: string): Promise<void> {
  const current = new Set([COUNTS_FILE, FILES_FILE, MATCHER_FILE, ...Array.from({ length: SHARDS }, (_unused, shard) => SHARD_FILE(shard))]);
  for (const name of await readdir(folder)) {
    if (/^analysis-(index|counts|files|matcher)\.v\d+\..*bin$/.test(name) && !current.has(name)) await rm(join(folder, name), { force: true });
  }
}

async function writeAtomically(folder: string, name: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  const temporary = join(folder, `${name}.${process.pid}.tmp`);
  const file = await open(temporary, 'w');
  try {
    await write(file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    await file.close();
  }
  await rename(temporary, join(folder, name));
}

/**
 * Each entry's arrays are copied out of the file read into one buffer of their own (see
 * storedEntryFrom): views into the file would keep all of it in memory as long as any one entry
 * lived; their texts and word lists are slices of the file's, each decoded as one string. An
 * entry that cannot be read is left out, as if it had never been stored; one whose word
 * positions do not fit the file's word table is read without them.
 */
async function loadedEntries(stored: ReadonlyMap<string, Uint8Array>, slices: TimeSlices): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  const tableBytes = stored.get(WORD_TABLE_KEY);
  const table = tableBytes === undefined ? null : new WordTable(tableBytes.length === 0 ? [] : utf8(tableBytes).split('\n'));
  const textBytes = stored.get(TEXTS_KEY);
  const wordListBytes = stored.get(WORD_LISTS_KEY);
  if (textBytes === undefined || wordListBytes === undefined) return entries;
  const strings = { texts: utf8(textBytes), wordLists: utf8(wordListBytes) };
  for (const [hash, bytes] of stored) {
    if (hash === WORD_TABLE_KEY || hash === TEXTS_KEY || hash === WORD_LISTS_KEY) continue;
    await slices.yieldIfDue();
    const entry = storedEntryFrom(bytes, strings);
    if (entry === null) continue;
    if (table) noteTabledWords(entry.matching, table, entry.wordPositions);
    entries.set(hash, { stored: { encoded: entry.encoded, matching: entry.matching, text: entry.text } });
  }
  return entries;
}

function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

/** The files a stored table lists, if it is one of `engine`'s (others' entries are gone anyway); rows that are not a file's are left out. */
function knownFiles(value: unknown, engine: string): Map<string, KnownFile> {
  const files = new Map<string, KnownFile>();
  if (typeof value !== 'object' || value === null) return files;
  const stored = value as Partial<StoredFiles>;
  if (stored.engine !== engine || !Array.isArray(stored.files)) return files;
  for (const row of stored.files) {
    if (!Array.isArray(row) || row.length !== 6) continue;
    const [uri, hash, size, mtimeMs, ctimeMs, ino] = row as unknown[];
    const identity = { size, mtimeMs, ctimeMs, ino };
    if (typeof uri === 'string' && typeof hash === 'string' && isFileIdentity(identity)) files.set(uri, { identity, hash });
  }
  return files;
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
