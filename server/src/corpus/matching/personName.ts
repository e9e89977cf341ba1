import titles from '../../engine/data/titles.json';
import { foldName } from '../../engine/nameVariants';
import { memoized } from '../../engine/memoized';

/** A written person name taken apart for comparison across articles. */
export interface PersonName {
  /** The name without the titles in front ("Bill de Blasio" for "New York City Mayor Bill de Blasio"); honorifics ("Ayatollah") stay. */
  readonly bare: string;
  /** Folded first given name ("bill"), or null when only the family name is written. */
  readonly given: string | null;
  /** Folded last word of the family name ("blasio"), or null when no name word is written. */
  readonly family: string | null;
  /** Number of name words (initials included), to find the fullest form. */
  readonly words: number;
  /** True when a title stood in front of the name. */
  readonly titled: boolean;
}

const TITLES: ReadonlySet<string> = new Set(titles.titles.map((title) => title.toLowerCase()));
const TITLES_AND_HONORIFICS: ReadonlySet<string> = new Set([...TITLES, ...titles.honorifics.map((title) => title.toLowerCase())]);
const LONGEST_TITLE = Math.max(...[...TITLES_AND_HONORIFICS].map((title) => title.split(' ').length));
const PARTICLES = new Set(titles.nameParticles.map((particle) => particle.toLowerCase()));
const SUFFIXES = new Set(titles.nameSuffixes.map((suffix) => suffix.toLowerCase()));

// The same names recur across thousands of articles: each is taken apart once, and its parts shared.
export const parsePersonName = memoized(parseUncached);

function parseUncached(name: string): PersonName {
  const tokens = name.trim().split(/\s+/).filter((token) => token !== '');
  const bareFrom = endOfTitles(tokens, TITLES);
  const from = endOfTitles(tokens, TITLES_AND_HONORIFICS);
  const nameTokens = tokens.slice(from).filter((token) => !SUFFIXES.has(token.toLowerCase().replace(/,$/, '')));
  const bare = tokens.slice(bareFrom).join(' ');
  const proper = nameTokens.filter((token) => /^\p{Lu}/u.test(token) && !/^\p{Lu}\.?$/u.test(token));
  const last = nameTokens[nameTokens.length - 1];
  const family = last !== undefined && /^\p{Lu}/u.test(last) ? foldName(last) : null;
  const firstParticle = nameTokens.findIndex((token) => PARTICLES.has(token.toLowerCase()) && /^\p{Ll}/u.test(token));
  const givenTokens = (firstParticle >= 0 ? nameTokens.slice(0, firstParticle) : nameTokens.slice(0, -1)).filter(
    (token) => /^\p{Lu}/u.test(token) && !/^\p{Lu}\.?$/u.test(token),
  );
  const given = givenTokens[0] !== undefined ? foldName(givenTokens[0]) : null;
  return { bare: bare === '' ? name.trim() : bare, given, family: proper.length > 0 ? family : null, words: nameTokens.length, titled: bareFrom > 0 };
}

/**
 * Index of the first token after the last title ("New York City Mayor Bill" -> index of "Bill"),
 * or 0 when no name follows the title ("chairman of the Joint Chiefs" is a role, not a name).
 */
function endOfTitles(tokens: readonly string[], known: ReadonlySet<string>): number {
  let end = 0;
  for (let from = 0; from < tokens.length - 1; from += 1) {
    for (let length = Math.min(LONGEST_TITLE, tokens.length - 1 - from); length >= 1; length -= 1) {
      if (known.has(tokens.slice(from, from + length).join(' ').toLowerCase())) {
        end = Math.max(end, from + length);
        break;
      }
    }
  }
  const next = tokens[end] ?? '';
  const startsName = /^\p{Lu}/u.test(next) || (PARTICLES.has(next) && /^\p{Lu}/u.test(tokens[end + 1] ?? ''));
  return startsName ? end : 0;
}
