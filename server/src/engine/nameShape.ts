import titles from './data/titles.json';
import { isCollective, isOrganizationHead, isPersonRole } from './roles';

const PARTICLES = new Set(titles.nameParticles);
const PARTY_LABELS = new Set(titles.partyLabels);
const INNER_WORDS = new Set(['of', 'for', 'the', 'and', '&', 'on', 'de', 'du', 'des']);
/** "al-Sadr", "bin-Salman": a particle joined to the capitalised name it precedes. */
export const LINKED_PARTICLE = /^(?:al|el|bin|ibn|abu)-\p{Lu}/u;
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Messrs|Mmes)\.?$/u;

/** Drops the lowercase words before a name ("conservative-leaning Tax Foundation" -> "Tax Foundation"). */
export function withoutLowercaseLead(phrase: string): string {
  const words = phrase.split(/(\s+)/u);
  let at = 0;
  while (at + 2 < words.length && /^[\p{Ll}\d]/u.test(words[at] as string) && !PARTICLES.has(words[at] as string) && !LINKED_PARTICLE.test(words[at] as string)) at += 2;
  return /^\p{Lu}/u.test(words[at] ?? '') ? words.slice(at).join('') : phrase;
}

/**
 * True when a phrase is written like a proper name: capitalised words, with only particles and
 * connectors in lowercase ("Bill de Blasio", "Bank of America"), and not ending in a bare title
 * ("misgivings about Mrs", "U.S. senator").
 */
export function looksLikeName(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return false;
  const last = words[words.length - 1] as string;
  if (HONORIFIC.test(last)) return false;
  if (words.length > 1 && isPersonRole(last) && /^\p{Ll}/u.test(last)) return false;
  // "Trump campaign", "Obama administration", "a Pakistan-based group": a name heading a group word.
  const groupTail = words.length > 1 && /^\p{Ll}/u.test(last) && (isOrganizationHead(last) || isCollective(last));
  return (groupTail ? words.slice(0, -1) : words).every((word, i, kept) => /^[\p{Lu}\p{N}@#]/u.test(word) || LINKED_PARTICLE.test(word) || /^\p{Ll}+\p{Lu}/u.test(word)
    || (i < kept.length - 1 && PARTICLES.has(word)) || (i > 0 && i < kept.length - 1 && INNER_WORDS.has(word)));
}

/**
 * Where a person's name starts once a party label in front is skipped: "Democrat Hillary Clinton"
 * names Hillary Clinton. Only before two or more name words, without an organisation word
 * ("Republican National Committee" stays whole).
 */
export function afterPartyLabel(words: readonly string[], from: number): number {
  const rest = words.slice(from + 1);
  if (!PARTY_LABELS.has(words[from] ?? '') || rest.length < 2) return from;
  return rest.some((word) => isOrganizationHead(word) || isCollective(word) || !/^\p{Lu}/u.test(word)) ? from : from + 1;
}
