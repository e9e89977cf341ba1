import type { WordSlot } from './spellings';

/** Each vocabulary's number, which word slots keep with the id they were given in it. */
let lastVocabulary = 0;

/** Interns words as small integers so that sequences can be kept in typed arrays and compared fast. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  // A private field, not a property: two vocabularies of the same words are equal.
  readonly #number = ++lastVocabulary;

  /** The vocabulary whose `words()` these are; null when a word is repeated. */
  static of(words: readonly string[]): Vocabulary | null {
    const vocabulary = new Vocabulary();
    for (let index = 0; index < words.length; index += 1) vocabulary.ids.set(words[index] as string, index + 1);
    return vocabulary.ids.size === words.length ? vocabulary : null;
  }

  /** Every word, in the order of their ids. */
  words(): string[] {
    return [...this.ids.keys()];
  }

  /** The id of `word`, assigned on first sight. */
  idOf(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.ids.size + 1;
    this.ids.set(word, id);
    return id;
  }

  /** `idOf(slot.word)`, kept with the slot: an article prepared on this thread is looked up without a map (ids are never taken back). */
  idOfSlot(slot: WordSlot): number {
    if (slot.vocabulary !== this.#number) {
      slot.vocabularyId = this.idOf(slot.word);
      slot.vocabulary = this.#number;
    }
    return slot.vocabularyId;
  }

  /** The id of `word`, or 0 when it was never seen (so it cannot match anything stored). */
  peek(word: string): number {
    return this.ids.get(word) ?? 0;
  }

  get size(): number {
    return this.ids.size;
  }
}
