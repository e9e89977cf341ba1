/**
 * A quote's comparable form: the words it is made of, case-folded and stripped of accents, quote
 * marks and punctuation, each mapped back to where it stands in the original text.
 *
 * Editorial insertions in square brackets ("[Soleimani] was …") and ellipses ("… ", "...") are
 * gaps: the words on either side are kept in separate segments, so the quote still matches a
 * fuller version that has other words (or none) where the gap stands.
 */
export interface NormalisedWords {
  /** Comparable words, in order. */
  readonly words: readonly string[];
  /** UTF-16 offset of each word's first code unit in the original text. */
  readonly starts: readonly number[];
  /** UTF-16 offset just after each word in the original text. */
  readonly ends: readonly number[];
  /** Index of the first word of each segment (a new one begins after every gap); [0] when there are words. */
  readonly segmentStarts: readonly number[];
}

// One alternation, tried left to right: bracketed insertion, ellipsis, abbreviation with dots
// ("U.S."), number ("2.1", "27th", "1980s"), word with inner apostrophes, a lone "&" or "+".
const TOKEN =
  /(\[[^\]\n]{0,120}\])|(\.\s?\.\s?\.|…)|((?:\p{L}\.){2,})|(\p{N}+(?:[.,:]\p{N}+)*\p{L}{0,2})|([\p{L}\p{M}\p{N}]+(?:['’‘`ʼ][\p{L}\p{M}\p{N}]+)*)|((?<=^|\s)[&+](?=\s|$))/gu;

// Articles repeat the same few thousand words: each spelling is folded once.
const FOLDED_LIMIT = 100_000;
const folded = new Map<string, string>();

/** Case-folded, accent-free spelling of one token, without dots and apostrophes. */
export function foldWord(token: string): string {
  const known = folded.get(token);
  if (known !== undefined) return known;
  if (folded.size >= FOLDED_LIMIT) folded.clear();
  const fold = foldUncached(token);
  folded.set(token, fold);
  return fold;
}

function foldUncached(token: string): string {
  return token
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼ.,:]/g, '');
}

/** Reads the words of `text` between `from` and `to` (default: all of it). Offsets refer to `text`. */
export function normaliseWords(text: string, from = 0, to = text.length): NormalisedWords {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const segmentStarts: number[] = [];
  let gapPending = true;
  const pattern = new RegExp(TOKEN.source, TOKEN.flags);
  const slice = text.slice(from, to);
  for (let match = pattern.exec(slice); match !== null; match = pattern.exec(slice)) {
    if (match[1] !== undefined || match[2] !== undefined) {
      gapPending = true;
      continue;
    }
    const folded = match[6] !== undefined ? 'and' : foldWord(match[0]);
    if (folded === '') continue;
    if (gapPending) {
      segmentStarts.push(words.length);
      gapPending = false;
    }
    words.push(folded);
    starts.push(from + match.index);
    ends.push(from + match.index + match[0].length);
  }
  return { words, starts, ends, segmentStarts };
}

/** The comparable form as one string ("iran never won a war"), for display and tests. */
export function normalisedText(text: string): string {
  return normaliseWords(text).words.join(' ');
}
