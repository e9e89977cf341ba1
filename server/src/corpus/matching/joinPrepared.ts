import { ArticleWords, keepWordList, MAX_QUOTES_PER_ARTICLE, type PreparedArticle } from './preparedArticle';

/** What the matcher indexes of one section, prepared from the section's text alone, and where the section starts. */
export interface PreparedSection {
  offset: number;
  prepared: PreparedArticle;
}

/**
 * The prepared article of a whole text from those of its sections (cut at line starts, as
 * `articleSections` cuts): equal to `prepareArticle` over the whole text and the joined
 * quotes. Word ids are given anew in the order `prepareArticle` meets the words: every
 * quote's words first, then every passage's. Null when the text has more quotes than are
 * indexed: the whole text must then be prepared at once.
 */
export function joinPrepared(parts: readonly PreparedSection[]): PreparedArticle | null {
  if (parts.length === 1 && parts[0]?.offset === 0) return parts[0].prepared;
  const quoteCount = parts.reduce((count, { prepared }) => count + prepared.quoteBase.length, 0);
  if (quoteCount > MAX_QUOTES_PER_ARTICLE) return null;
  const words = new ArticleWords();
  const idOf = (word: string): number => words.idOf(word);
  // Sections are remembered between keystrokes, and so are their split word lists.
  const localWords = parts.map(({ prepared }) => keepWordList(prepared));
  const packedLength = parts.reduce((length, { prepared }) => length + prepared.packed.length, 0);
  const packed = new Uint32Array(packedLength);
  const quoteBase = new Uint32Array(quoteCount);
  const quoteSpans = new Int32Array(2 * quoteCount);
  let quoteIndex = 0;
  let packedAt = 0;
  for (const [partIndex, { offset, prepared }] of parts.entries()) {
    const local = localWords[partIndex] as readonly string[];
    for (let index = 0; index < prepared.quoteBase.length; index++) {
      const base = prepared.quoteBase[index] as number;
      const n = prepared.packed[base] as number;
      const segments = prepared.packed[base + 1] as number;
      quoteBase[quoteIndex] = packedAt;
      packed[packedAt] = n;
      packed[packedAt + 1] = segments;
      for (let k = 0; k < n; k++) {
        packed[packedAt + 2 + k] = idOf(local[prepared.packed[base + 2 + k] as number] as string);
        packed[packedAt + 2 + n + k] = (prepared.packed[base + 2 + n + k] as number) + offset;
        packed[packedAt + 2 + 2 * n + k] = (prepared.packed[base + 2 + 2 * n + k] as number) + offset;
      }
      packed.set(prepared.packed.subarray(base + 2 + 3 * n, base + 2 + 3 * n + segments), packedAt + 2 + 3 * n);
      quoteSpans[2 * quoteIndex] = (prepared.quoteSpans[2 * index] as number) + offset;
      quoteSpans[2 * quoteIndex + 1] = (prepared.quoteSpans[2 * index + 1] as number) + offset;
      packedAt += 2 + 3 * n + segments;
      quoteIndex += 1;
    }
  }
  const passageSpans: number[] = [];
  const passageWords: number[] = [];
  for (const [partIndex, { offset, prepared }] of parts.entries()) {
    const local = localWords[partIndex] as readonly string[];
    for (let span = 0; span < prepared.passageSpans.length; span++) passageSpans.push((prepared.passageSpans[span] as number) + offset);
    for (let at = 0; at < prepared.passageWords.length; ) {
      const count = prepared.passageWords[at] as number;
      passageWords.push(count);
      for (let k = 1; k <= count; k++) passageWords.push(idOf(local[prepared.passageWords[at + k] as number] as string));
      at += count + 1;
    }
  }
  const joined: PreparedArticle = {
    words: words.joined(),
    quoteSpans,
    packed,
    quoteBase,
    passageSpans: Int32Array.from(passageSpans),
    passageWords: Int32Array.from(passageWords),
  };
  // The matcher reads the joined list next: it need not split it again.
  keepWordList(joined, words.list());
  return joined;
}
