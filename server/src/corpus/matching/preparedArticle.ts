import { packedMap } from '../../engine/packedMap';
import { readNormalised, readWords, type WordSink } from './normalise';
import { proseStretches } from './proseStretches';
import type { SharedBuffer } from './sharedBuffer';
import { spellings, type Spelling, type WordSlot } from './spellings';
import { MIN_PARAPHRASE_SHARED } from './thresholds';
import type { QuoteInput } from './types';

/** Quotes beyond this many in one article are not indexed (posting values pack article slot and quote index). */
export const MAX_QUOTES_PER_ARTICLE = 4096;

/**
 * What the quote matcher indexes of one article, worked out from its text alone: the
 * normalised words of its quotes and the content words of its unquoted passages, as ids into
 * the article's own word list. Merging it into a matcher only maps those few distinct words to
 * corpus-wide ids, so the costly reading of the text can happen on another thread, or in an
 * earlier session, and travel as typed arrays.
 */
export interface PreparedArticle {
  /**
   * The words the ids below stand for, in the order the matcher first meets them (quote words,
   * then passage content words), joined by newlines (words are never empty and never contain
   * one): one string per article is cheaper to keep, store and send than hundreds. Distinct in
   * a prepared text; a joined one lists its sections' words in turn (`joinPrepared`).
   */
  readonly words: string;
  /** Start and end of each indexed quote, in order: the quotes this was prepared for. */
  readonly quoteSpans: Int32Array;
  /** Per quote: word count n, segment count s, then n word ids, n starts, n ends, s segment starts. */
  readonly packed: Uint32Array;
  readonly quoteBase: Uint32Array;
  /** Start and end of each passage worth indexing for paraphrases. */
  readonly passageSpans: Int32Array;
  /** Per passage: the number of distinct content words, then their ids in order of first appearance. */
  readonly passageWords: Int32Array;
}

/** Reads the article the way the matcher indexes it; `quotes` beyond MAX_QUOTES_PER_ARTICLE are left out. */
export function prepareArticle(text: string, quotes: readonly QuoteInput[]): PreparedArticle {
  const kept = quotes.slice(0, MAX_QUOTES_PER_ARTICLE);
  spellings.forgetIfFull();
  const words = new ArticleWords();
  const idOf = (slot: WordSlot): number => words.idOf(slot);
  const normalised = packedMap(kept, (quote) => readNormalised(text, quote.start, quote.end));
  const quoteBase = new Uint32Array(kept.length);
  let size = 0;
  normalised.forEach((quoteWords, index) => {
    quoteBase[index] = size;
    size += 2 + quoteWords.words.length * 3 + quoteWords.segmentStarts.length;
  });
  const packed = new Uint32Array(size);
  normalised.forEach((quoteWords, index) => {
    const base = quoteBase[index] ?? 0;
    const n = quoteWords.words.length;
    packed[base] = n;
    packed[base + 1] = quoteWords.segmentStarts.length;
    quoteWords.slots.forEach((slot, k) => {
      packed[base + 2 + k] = idOf(slot);
      packed[base + 2 + n + k] = quoteWords.starts[k] ?? 0;
      packed[base + 2 + 2 * n + k] = quoteWords.ends[k] ?? 0;
    });
    packed.set(quoteWords.segmentStarts, base + 2 + 3 * n);
  });
  const passageSpans: number[] = [];
  const passageWords: number[] = [];
  const content = new PassageContent();
  // Per word id, the last passage that listed it: a passage lists each of its words once.
  const listedIn: number[] = [];
  for (const stretch of proseStretches(text, kept)) {
    content.count = 0;
    readWords(text, stretch.start, stretch.end, content);
    // Words of passages too short to index get no id: every id in `words` is used, so prepared sections join exactly.
    if (content.count < MIN_PARAPHRASE_SHARED) continue;
    const passage = passageSpans.push(stretch.start, stretch.end) / 2;
    const countAt = passageWords.push(0) - 1;
    for (let index = 0; index < content.count; index += 1) {
      const id = idOf(content.forms[index] as WordSlot);
      if (listedIn[id] === passage) continue;
      listedIn[id] = passage;
      passageWords.push(id);
    }
    passageWords[countAt] = passageWords.length - countAt - 1;
  }
  const prepared: PreparedArticle = {
    words: words.joined(),
    quoteSpans: spansOf(kept),
    packed,
    quoteBase,
    passageSpans: Int32Array.from(passageSpans),
    passageWords: Int32Array.from(passageWords),
  };
  slotsOfPrepared.set(prepared, words.slots);
  return prepared;
}

/** The slots of the words of articles prepared on this thread and not yet looked up (`takePreparedSlots`), in the order of their ids. */
const slotsOfPrepared = new WeakMap<PreparedArticle, readonly WordSlot[]>();

/**
 * The slots `prepared`'s words stand in, when it was prepared on this thread (not copied from a
 * worker, read from the store or joined) and they were not taken before: taken once, they are
 * not kept for as long as the corpus keeps the prepared article.
 */
export function takePreparedSlots(prepared: PreparedArticle): readonly WordSlot[] | undefined {
  const slots = slotsOfPrepared.get(prepared);
  slotsOfPrepared.delete(prepared);
  return slots;
}

/** The prepared article's arrays, in the order `preparedIn` lays them out. */
export function preparedArrays(prepared: PreparedArticle): readonly (Int32Array | Uint32Array)[] {
  return [prepared.quoteSpans, prepared.packed, prepared.quoteBase, prepared.passageSpans, prepared.passageWords];
}

/** The same prepared article with its arrays copied into `space`, which must have room for them (`preparedArrays`). */
export function preparedIn(space: SharedBuffer, prepared: PreparedArticle): PreparedArticle {
  return {
    words: prepared.words,
    quoteSpans: space.copyOf(prepared.quoteSpans),
    packed: space.copyOf(prepared.packed),
    quoteBase: space.copyOf(prepared.quoteBase),
    passageSpans: space.copyOf(prepared.passageSpans),
    passageWords: space.copyOf(prepared.passageWords),
  };
}

function spansOf(quotes: readonly QuoteInput[]): Int32Array {
  const spans = new Int32Array(2 * quotes.length);
  quotes.forEach((quote, index) => {
    spans[2 * index] = quote.start;
    spans[2 * index + 1] = quote.end;
  });
  return spans;
}

/**
 * The content words of one passage at a time (`contentForm`), in order, duplicates kept: one list
 * reused for every passage. Passages are most of an article's words: reading each into its words
 * with their offsets, then a list of content words, then a set, preparing an article allocated
 * about 84 KB (the bench's 5,000 articles), against 54 KB now.
 */
class PassageContent implements WordSink {
  readonly forms: WordSlot[] = [];
  count = 0;

  gap(): void {
    // A passage's words are indexed as a set: gaps between them do not matter.
  }

  word({ content }: Spelling): void {
    if (content !== null) this.forms[this.count++] = content;
  }
}

/** Each article's number, which its words' slots hold while it numbers them. */
let lastArticle = 0;

/** An article's own word list: ids are positions in it, given in the order words are first met. */
class ArticleWords {
  readonly slots: WordSlot[] = [];
  private readonly article = ++lastArticle;

  idOf(slot: WordSlot): number {
    if (slot.article !== this.article) {
      slot.article = this.article;
      slot.id = this.slots.push(slot) - 1;
    }
    return slot.id;
  }

  /** The list as `PreparedArticle.words` keeps it: one byte a code unit when it can be, as its words are (see `spellings`). */
  joined(): string {
    return this.slots.map((slot) => slot.word).join('\n');
  }
}

/** The words of `prepared`, in order: their positions are the ids its arrays use. */
export function preparedWords(prepared: PreparedArticle): readonly string[] {
  return prepared.words === '' ? [] : prepared.words.split('\n');
}

/** How many words `prepared` lists, without splitting them out. */
export function preparedWordCount(prepared: PreparedArticle): number {
  if (prepared.words === '') return 0;
  let count = 1;
  for (let at = prepared.words.indexOf('\n'); at !== -1; at = prepared.words.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** Whether `prepared` was made for exactly these quotes (an annotation overlay may have changed them since). */
export function preparedFor(prepared: PreparedArticle, quotes: readonly QuoteInput[]): boolean {
  const count = Math.min(quotes.length, MAX_QUOTES_PER_ARTICLE);
  if (prepared.quoteSpans.length !== 2 * count) return false;
  for (let index = 0; index < count; index += 1) {
    const quote = quotes[index] as QuoteInput;
    if (prepared.quoteSpans[2 * index] !== quote.start || prepared.quoteSpans[2 * index + 1] !== quote.end) return false;
  }
  return true;
}
