import type { Range } from './spans';

/**
 * Places gold texts by plain string search: the n-th listing of one text is its n-th
 * occurrence in the article (annotation guide, "Gold files"). Null where it is not there.
 */
export function locateListings(text: string, listings: readonly string[]): Array<Range | null> {
  const nextSearchFrom = new Map<string, number>();
  return listings.map((listing) => {
    if (listing.length === 0) return null;
    const start = text.indexOf(listing, nextSearchFrom.get(listing) ?? 0);
    if (start < 0) {
      nextSearchFrom.set(listing, text.length + 1);
      return null;
    }
    nextSearchFrom.set(listing, start + 1);
    return { start, end: start + listing.length };
  });
}

/** Every occurrence of `word` not glued to a letter or digit on either side ("AP" not in "CAPTION"). */
export function wordOccurrences(text: string, word: string): Range[] {
  const found: Range[] = [];
  if (word.length === 0) return found;
  for (let start = text.indexOf(word); start >= 0; start = text.indexOf(word, start + 1)) {
    const end = start + word.length;
    if (!isWordChar(text[start - 1]) && !isWordChar(text[end])) found.push({ start, end });
  }
  return found;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}
