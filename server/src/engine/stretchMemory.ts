import { spanHash } from './spanHash';

/** Characters of keys remembered at most: past it every answer is forgotten and memory starts afresh. */
const REMEMBERED_CHARACTERS = 2_000_000;
/** Longer keys are never remembered: a text without line breaks must not fill the memory alone. */
const LONGEST_REMEMBERED_KEY = 4_000;
/** Hashes of keys offered once that are kept at most (a collision only remembers a key at its first offer). */
const MAX_SEEN_ONCE = 100_000;

/**
 * Answers about stretches of text (lines, paragraphs) kept by the stretch's characters, for the
 * stages whose answer depends on nothing else. A key is remembered at its second offer, so that
 * texts whose stretches never recur pay a hash per stretch and no copies; edits leave most
 * stretches as they were, and archives repeat wire copy and boilerplate.
 */
export class StretchMemory<T> {
  private readonly answers = new Map<string, T>();
  private readonly seenOnce = new Set<number>();
  private characters = 0;

  recall(key: string): T | undefined {
    return this.answers.get(key);
  }

  /**
   * Remembers `answer(ownKey)` for `key` if it was offered before. `ownKey` is a copy of `key`:
   * keys and answers' texts are often slices of an article, which would keep it all alive.
   */
  offer(key: string, answer: (ownKey: string) => T): void {
    if (key.length > LONGEST_REMEMBERED_KEY) return;
    const hash = spanHash(key, 0, key.length, false);
    if (!this.seenOnce.has(hash)) {
      if (this.seenOnce.size >= MAX_SEEN_ONCE) this.seenOnce.clear();
      this.seenOnce.add(hash);
      return;
    }
    if (this.characters + key.length > REMEMBERED_CHARACTERS) {
      this.answers.clear();
      this.characters = 0;
    }
    const ownKey = ` ${key}`.slice(1);
    this.answers.set(ownKey, answer(ownKey));
    this.characters += key.length;
  }
}
