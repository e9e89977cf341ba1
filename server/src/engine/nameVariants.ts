import { distance } from 'fastest-levenshtein';
import titles from './data/titles.json';
import { memoized, memoizedPair } from './memoized';
import { isNameSuffix } from './roles';
import { packedMap } from './packedMap';

// Entity linking compares every pair of names, so the same spellings are folded and compared
// over and over: both answers depend only on their inputs and are remembered.
const MEMO_LIMIT = 50_000;
const PARTICLES = new Set(titles.nameParticles);
const INITIAL = /^\p{Lu}\.?$/u;

/** Lowercase, without accents, dots or possessive, for comparing spellings. */
export const foldName = memoized(foldUncached, MEMO_LIMIT);

function foldUncached(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[.']/g, '')
    .trim();
}

/** The words of a person's name that identify them: no initials, no "Jr.". */
export function nameWords(name: string): string[] {
  return name.split(/\s+/).filter((word) => word !== '' && !isNameSuffix(word) && !INITIAL.test(word));
}

/** The family name: the last word, with a particle before it kept ("de Blasio", "bin Salman"). */
export function surname(name: string): string {
  const words = nameWords(name);
  const last = words[words.length - 1] ?? name;
  const before = words[words.length - 2];
  return before !== undefined && /^\p{Ll}/u.test(before) && words.length > 2 ? `${before} ${last}` : last;
}

/** Two spellings of one word, allowing a slip that grows with the word ("Soleimani", "Suleimani", "Soleiman"). */
export function sameSpelling(left: string, right: string, slack = 0): boolean {
  const a = foldName(left);
  const b = foldName(right);
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  const allowed = (shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0) + slack;
  if (allowed === 0 || a[0] !== b[0]) return false;
  return distance(a, b) <= allowed;
}

/** True when two written person names can be the same person ("Qassim Soleiman", "Qasem Soleimani"). */
export const samePerson = memoizedPair(samePersonUncached, MEMO_LIMIT);

function samePersonUncached(left: string, right: string): boolean {
  const a = nameWords(left);
  const b = nameWords(right);
  if (a.length === 0 || b.length === 0) return false;
  if (!sameSpelling(surname(left).split(' ').pop() ?? '', surname(right).split(' ').pop() ?? '')) return false;
  if (a.length === 1 || b.length === 1) return true;
  if (particleSurname(a, b) || particleSurname(b, a)) return true;
  return sameSpelling(a[0] ?? '', b[0] ?? '', 1);
}

/** "De Blasio" (capitalised opening a sentence or a headline) is the surname of "Bill de Blasio", not a first name "De". */
function particleSurname(short: readonly string[], full: readonly string[]): boolean {
  const particle = (short[0] ?? '').toLowerCase();
  return short.length === 2 && PARTICLES.has(particle) && full.length > 2 && (full[full.length - 2] ?? '').toLowerCase() === particle;
}

/** "LAPD" for "Los Angeles Police Department": the initials of the capitalised words. */
export function initials(name: string): string {
  return packedMap(
    name.split(/[\s-]+/).filter((word) => /^\p{Lu}/u.test(word)),
    (word) => word[0],
  ).join('');
}
