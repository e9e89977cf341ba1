import { MAX_QUOTES_PER_ARTICLE, preparedWordCount, type PreparedArticle } from './preparedArticle';
import { SharedBuffer } from './sharedBuffer';

/** What the matcher indexes of one section, prepared from the section's text alone, and where the section starts. */
export interface PreparedSection {
  offset: number;
  prepared: PreparedArticle;
}

/**
 * The prepared article of a whole text from those of its sections (cut at line starts, as
 * `articleSections` cuts): the same words at the same places as `prepareArticle` over the
 * whole text and the joined quotes, for the matcher to index. The word list is the sections'
 * lists one after another, each section's ids shifted past the lists before it, so a word
 * may be listed more than once: joining costs a copy of the arrays, not a look-up of every
 * word, on each keystroke in a long article. Null when the text has more quotes than are
 * indexed: the whole text must then be prepared at once.
 */
export function joinPrepared(parts: readonly PreparedSection[]): PreparedArticle | null {
  if (parts.length === 1 && parts[0]?.offset === 0) return parts[0].prepared;
  const quoteCount = parts.reduce((count, { prepared }) => count + prepared.quoteBase.length, 0);
  if (quoteCount > MAX_QUOTES_PER_ARTICLE) return null;
  const packedLength = parts.reduce((length, { prepared }) => length + prepared.packed.length, 0);
  const passageSpansLength = parts.reduce((length, { prepared }) => length + prepared.passageSpans.length, 0);
  const passageWordsLength = parts.reduce((length, { prepared }) => length + prepared.passageWords.length, 0);
  const space = new SharedBuffer(packedLength + 3 * quoteCount + passageSpansLength + passageWordsLength);
  const packed = space.uint32(packedLength);
  const quoteBase = space.uint32(quoteCount);
  const quoteSpans = space.int32(2 * quoteCount);
  const passageSpans = space.int32(passageSpansLength);
  const passageWords = space.int32(passageWordsLength);
  const wordLists: string[] = [];
  let wordBase = 0;
  let quoteIndex = 0;
  let packedAt = 0;
  let spanAt = 0;
  let passageAt = 0;
  for (const { offset, prepared } of parts) {
    for (let index = 0; index < prepared.quoteBase.length; index++) {
      const base = prepared.quoteBase[index] as number;
      const n = prepared.packed[base] as number;
      const segments = prepared.packed[base + 1] as number;
      quoteBase[quoteIndex] = packedAt;
      packed[packedAt] = n;
      packed[packedAt + 1] = segments;
      for (let k = 0; k < n; k++) {
        packed[packedAt + 2 + k] = (prepared.packed[base + 2 + k] as number) + wordBase;
        packed[packedAt + 2 + n + k] = (prepared.packed[base + 2 + n + k] as number) + offset;
        packed[packedAt + 2 + 2 * n + k] = (prepared.packed[base + 2 + 2 * n + k] as number) + offset;
      }
      packed.set(prepared.packed.subarray(base + 2 + 3 * n, base + 2 + 3 * n + segments), packedAt + 2 + 3 * n);
      quoteSpans[2 * quoteIndex] = (prepared.quoteSpans[2 * index] as number) + offset;
      quoteSpans[2 * quoteIndex + 1] = (prepared.quoteSpans[2 * index + 1] as number) + offset;
      packedAt += 2 + 3 * n + segments;
      quoteIndex += 1;
    }
    for (let span = 0; span < prepared.passageSpans.length; span++) passageSpans[spanAt++] = (prepared.passageSpans[span] as number) + offset;
    for (let at = 0; at < prepared.passageWords.length; ) {
      const count = prepared.passageWords[at] as number;
      passageWords[passageAt++] = count;
      for (let k = 1; k <= count; k++) passageWords[passageAt++] = (prepared.passageWords[at + k] as number) + wordBase;
      at += count + 1;
    }
    if (prepared.words !== '') {
      wordLists.push(prepared.words);
      wordBase += preparedWordCount(prepared);
    }
  }
  const joined: PreparedArticle = { words: wordLists.join('\n'), quoteSpans, packed, quoteBase, passageSpans, passageWords };
  joinedParts.set(joined, parts.map(({ prepared }) => prepared));
  return joined;
}

const joinedParts = new WeakMap<PreparedArticle, readonly PreparedArticle[]>();

/**
 * The sections' inputs `joined` was made of, in order: their word lists, one after another,
 * are its own. Undefined for any other input (one read from the store, say).
 */
export function joinedFrom(joined: PreparedArticle): readonly PreparedArticle[] | undefined {
  return joinedParts.get(joined);
}
