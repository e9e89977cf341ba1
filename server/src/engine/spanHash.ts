/**
 * A number for the code units of `text[start, end)`, with ASCII letters lowercased when
 * `foldCase` (other code units are taken as they are, so only use it on letters): a HashFilter of
 * such numbers rules out most words of a text before any string is made of them.
 */
export function spanHash(text: string, start: number, end: number, foldCase: boolean): number {
  let hash = 0;
  for (let at = start; at < end; at += 1) {
    const code = text.charCodeAt(at);
    hash = extendHash(hash, foldCase ? code | 0x20 : code);
  }
  return hash;
}

/** The `spanHash` of a span one code unit longer (already case-folded if need be), for scanners that hash as they read. */
export function extendHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

const SLOTS = 1 << 16;

/**
 * The `spanHash`es of some strings, as a filter: `mayHold` is true for each of them and false for
 * most other hashes. A bit per slot of a 64 K-bit table (8 KB) that stays in the processor's cache,
 * where a Set of the hashes cost a lookup in memory for every word of every line scanned.
 */
export class HashFilter {
  private readonly bits = new Uint32Array(SLOTS / 32);

  constructor(strings: Iterable<string>, foldCase: boolean) {
    for (const text of strings) {
      const slot = slotOf(spanHash(text, 0, text.length, foldCase));
      this.bits[slot >>> 5] = (this.bits[slot >>> 5] as number) | (1 << (slot & 31));
    }
  }

  mayHold(hash: number): boolean {
    const slot = slotOf(hash);
    return ((this.bits[slot >>> 5] as number) & (1 << (slot & 31))) !== 0;
  }
}

function slotOf(hash: number): number {
  return (hash ^ (hash >>> 16)) & (SLOTS - 1);
}
