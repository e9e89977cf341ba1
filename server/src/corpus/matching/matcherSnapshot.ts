import { deserialize, serialize } from 'node:v8';
import type { PostingState } from './postingIndex';

/**
 * The quote matcher's state in arrays, what a later session restores instead of indexing every
 * article again (see QuoteMatcher.snapshot and QuoteMatcher.restored).
 */
export interface MatcherSnapshot {
  /** The vocabulary's words in the order of their ids. */
  readonly words: readonly string[];
  /** The whole-quote, word-pair and passage-word indexes, in that order. */
  readonly indexes: readonly PostingState[];
  /** Per passage: the slot of its article (-1 when free), and where it starts and ends. */
  readonly passageArticle: Int32Array;
  readonly passageStart: Int32Array;
  readonly passageEnd: Int32Array;
  readonly freeSlots: Int32Array;
  readonly retiredSlots: Int32Array;
  readonly freePassages: Int32Array;
  readonly retiredPassages: Int32Array;
  /** How many article slots there are, free ones included. */
  readonly slotCount: number;
  /** Each article's id and fingerprint ('' for none). */
  readonly ids: readonly string[];
  readonly fingerprints: readonly string[];
  /** Five numbers per article: its slot, its quote count, and the lengths of its word ids, of its passage words and of its passage sizes. */
  readonly shapes: Int32Array;
  /** The articles' own arrays one after another, each article's word ids, whole keys, passage words, passage sizes and passage slots. */
  readonly arrays: Int32Array;
}

interface StoredSnapshot {
  /** The build of the matching code that took it: another build may index differently. */
  readonly version: string;
  readonly snapshot: MatcherSnapshot;
}

export function encodeMatcherSnapshot(version: string, snapshot: MatcherSnapshot): Uint8Array {
  const stored: StoredSnapshot = { version, snapshot };
  return serialize(stored);
}

/** The snapshot `bytes` hold, if they hold one taken by the `version` build; null for anything else. */
export function decodeMatcherSnapshot(bytes: Uint8Array, version: string): MatcherSnapshot | null {
  let stored: unknown;
  try {
    stored = deserialize(bytes);
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null) return null;
  const { version: storedVersion, snapshot } = stored as Partial<StoredSnapshot>;
  return storedVersion === version && isMatcherSnapshot(snapshot) ? snapshot : null;
}

const INT32_FIELDS = ['passageArticle', 'passageStart', 'passageEnd', 'freeSlots', 'retiredSlots', 'freePassages', 'retiredPassages', 'shapes', 'arrays'] as const;
const POSTING_FIELDS = ['keys', 'heads', 'counts', 'values', 'next', 'figures'] as const;

/** Whether `value` has a snapshot's shape (whether its parts fit together is the matcher's to check). */
function isMatcherSnapshot(value: unknown): value is MatcherSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const snapshot = value as Record<string, unknown>;
  return (
    INT32_FIELDS.every((field) => snapshot[field] instanceof Int32Array) &&
    Number.isInteger(snapshot.slotCount) &&
    [snapshot.words, snapshot.ids, snapshot.fingerprints].every(isStringArray) &&
    Array.isArray(snapshot.indexes) &&
    snapshot.indexes.every((index: unknown) => typeof index === 'object' && index !== null && POSTING_FIELDS.every((field) => (index as Record<string, unknown>)[field] instanceof Int32Array))
  );
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
