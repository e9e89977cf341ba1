/**
 * A number for the code units of `text[start, end)`, with ASCII letters lowercased when
 * `foldCase` (other code units are taken as they are, so only use it on letters): a set of such
 * numbers rules out most words of a text before any string is made of them.
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

/** The `spanHash` of each string. */
export function hashesOf(strings: Iterable<string>, foldCase: boolean): Set<number> {
  const hashes = new Set<number>();
  for (const text of strings) hashes.add(spanHash(text, 0, text.length, foldCase));
  return hashes;
}
