/** 32-bit hashes of word-id sequences, as keys of the posting indexes (collisions are verified away). */
export function hashPair(first: number, second: number): number {
  let hash = Math.imul(first ^ 0x5bd1e995, 0x9e3779b1);
  hash = Math.imul(hash ^ (hash >>> 15) ^ second, 0x85ebca77);
  return (hash ^ (hash >>> 13)) | 0;
}

/** Hash of a whole sequence, order-sensitive. */
export function hashSequence(ids: ArrayLike<number>): number {
  let hash = 0x811c9dc5 ^ ids.length;
  for (let i = 0; i < ids.length; i += 1) hash = hashPair(hash, ids[i] ?? 0);
  return hash;
}

/** A short, stable base-36 digest of a string (FNV-1a, two rounds for 64 bits' worth of spread). */
export function digest(text: string): string {
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x5bd1e995);
  }
  return (low >>> 0).toString(36).padStart(7, '0') + (high >>> 0).toString(36).padStart(7, '0');
}
