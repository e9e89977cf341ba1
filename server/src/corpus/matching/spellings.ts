import { contentForm } from './contentWords';
import { oneByteString } from './oneByteString';

/**
 * One distinct word as the matcher compares it (a folded word or a content form), numbered
 * once per prepared article: `article` says which article's `id` it holds (see ArticleWords),
 * and `vocabulary` which vocabulary's `vocabularyId` (see Vocabulary.idOfSlot).
 */
export interface WordSlot {
  readonly word: string;
  article: number;
  id: number;
  vocabulary: number;
  vocabularyId: number;
}

/** A spelling as it stands in a text ("Attacks"), with the words the matcher reads it as. */
export interface Spelling {
  /** Its folded word ("attacks"); empty for a token of only dots or apostrophes: no word. */
  readonly folded: WordSlot;
  /** Its content form ("attack"), null for a function word (`contentForm`). */
  readonly content: WordSlot | null;
}

/** A spelling in the table: as written, and the hash it is found by. */
interface Entry extends Spelling {
  readonly written: string;
  readonly hash: number;
}

/** Distinct spellings the table keeps before it starts afresh (see `forgetIfFull`). */
const LIMIT = 100_000;
/** Buckets of the open-addressed table at first, and at most: powers of two, the most well above LIMIT. */
const FIRST_BUCKETS = 1 << 12;
const MOST_BUCKETS = 1 << 18;

/**
 * Every spelling read from articles, found by the code units it is written with: reading a
 * passage asks for each of its words, and articles repeat their words. Looked up without cutting
 * the word out of the text, its fold and content form are worked out once, and each is one slot
 * that an article numbers without a map (about a third of preparing an article was cutting,
 * folding and looking words up by string).
 */
export class SpellingTable {
  private readonly entries: Entry[] = [];
  /**
   * Entry index + 1 in each bucket, 0 for none; probed linearly from the spelling's hash. Twice
   * as many buckets as entries, up to MOST_BUCKETS: a workspace of few distinct words keeps a
   * small table (each analysis worker has one too).
   */
  private buckets = new Int32Array(FIRST_BUCKETS);
  private readonly slots = new Map<string, WordSlot>();
  /** A lone "&" or "+" between spaces, read as "and". */
  and: Spelling = this.readAs('and');

  constructor(private readonly limit = LIMIT) {}

  /** The spelling written at `text[start, end)`. */
  spellingAt(text: string, start: number, end: number): Spelling {
    let hash = 0x811c9dc5;
    for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
    const mask = this.buckets.length - 1;
    for (let bucket = hash & mask; ; bucket = (bucket + 1) & mask) {
      const entry = this.buckets[bucket] as number;
      if (entry === 0) return this.add(text.slice(start, end), hash, bucket);
      const known = this.entries[entry - 1] as Entry;
      if (writtenAt(known.written, text, start, end)) return known;
    }
  }

  private add(slice: string, hash: number, bucket: number): Spelling {
    // A copy: a long slice would keep the whole text alive for as long as the table.
    const written = ` ${slice}`.slice(1);
    const spelling = { written, hash, ...this.readAs(written) };
    this.buckets[bucket] = this.entries.push(spelling);
    if (2 * this.entries.length > this.buckets.length && this.buckets.length < MOST_BUCKETS) this.rehash(2 * this.buckets.length);
    return spelling;
  }

  private rehash(size: number): void {
    this.buckets = new Int32Array(size);
    const mask = size - 1;
    this.entries.forEach(({ hash }, index) => {
      let bucket = hash & mask;
      while (this.buckets[bucket] !== 0) bucket = (bucket + 1) & mask;
      this.buckets[bucket] = index + 1;
    });
  }

  /**
   * Starts afresh once LIMIT spellings are known. Only between articles: an article's words must
   * keep their slots while it is numbered.
   */
  forgetIfFull(): void {
    if (this.entries.length < this.limit) return;
    this.entries.length = 0;
    this.buckets = new Int32Array(FIRST_BUCKETS);
    this.slots.clear();
    this.and = this.readAs('and');
  }

  private readAs(written: string): Spelling {
    const folded = foldWord(written);
    const form = folded === '' ? null : contentForm(folded);
    return { folded: this.slot(folded), content: form === null ? null : this.slot(form) };
  }

  /** One slot per distinct word, so that a word has one id in an article whatever spellings it came from. */
  private slot(word: string): WordSlot {
    let slot = this.slots.get(word);
    if (slot === undefined) {
      // Kept for as long as the table: one byte a code unit when it can be (see oneByteString).
      slot = { word: oneByteString(word), article: 0, id: 0, vocabulary: 0, vocabularyId: 0 };
      this.slots.set(word, slot);
    }
    return slot;
  }
}

function writtenAt(written: string, text: string, start: number, end: number): boolean {
  if (written.length !== end - start) return false;
  for (let index = 0; index < written.length; index += 1) {
    if (written.charCodeAt(index) !== text.charCodeAt(start + index)) return false;
  }
  return true;
}

/** Case-folded, accent-free spelling of one token, without dots and apostrophes. */
function foldWord(token: string): string {
  return isFolded(token) ? token : token.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’‘`ʼ.,:]/g, '');
}

/** Lowercase ASCII letters and digits only: folding leaves the token as it is. */
function isFolded(token: string): boolean {
  for (let at = 0; at < token.length; at += 1) {
    const code = token.charCodeAt(at);
    if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39))) return false;
  }
  return true;
}

/** The one table every reading shares. */
export const spellings = new SpellingTable();
