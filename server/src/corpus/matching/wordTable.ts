import { preparedWordCount, type PreparedArticle } from './preparedArticle';

/**
 * The words of many prepared articles in one list (those of one file of the persisted index),
 * each article's words given as positions in it. A matcher then looks each of the table's
 * words up once, instead of every article's words one by one: a warm start sets thousands of
 * articles that share most of their words.
 */
export class WordTable {
  constructor(readonly words: readonly string[]) {}
}

/** `positions[i]` is where the article's word i stands in `table`. */
export interface TabledWords {
  readonly table: WordTable;
  readonly positions: Uint32Array;
}

const tabled = new WeakMap<PreparedArticle, TabledWords>();

/**
 * Notes that `prepared`'s words stand at `positions` in `table`, if they can: one position per
 * word, each inside the table, the first and last words where they say (a table that is not
 * the one the positions were made for fails that at once). False (nothing noted) otherwise.
 */
export function noteTabledWords(prepared: PreparedArticle, table: WordTable, positions: Uint32Array): boolean {
  const { words } = prepared;
  if (positions.length !== preparedWordCount(prepared)) return false;
  for (const position of positions) if (position >= table.words.length) return false;
  if (positions.length > 0) {
    const firstEnd = words.indexOf('\n');
    const first = firstEnd < 0 ? words : words.slice(0, firstEnd);
    const last = words.slice(words.lastIndexOf('\n') + 1);
    if (table.words[positions[0] as number] !== first || table.words[positions[positions.length - 1] as number] !== last) return false;
  }
  tabled.set(prepared, { table, positions });
  return true;
}

/** Where `prepared`'s words stand in a table, when that was noted (`noteTabledWords`). */
export function tabledWords(prepared: PreparedArticle): TabledWords | undefined {
  return tabled.get(prepared);
}
