import demonyms from './data/demonyms.json';
import roles from './data/roles.json';
import titles from './data/titles.json';
import type { Token } from './tokens';
import { memoized } from './memoized';
import { packedMap } from './packedMap';

/** A name run taken apart: the title words in front and the bare name after them. */
export interface TitledName {
  /** Title as written ("Mayor", "Secretary of State"), or null. */
  title: string | null;
  /** Index of the first token of the bare name; equals tokens.length when the run is only a title. */
  nameFrom: number;
}

const TITLES = new Set(titles.titles.map((title) => title.toLowerCase()));
const LONGEST_TITLE = Math.max(...titles.titles.map((title) => title.split(' ').length));
const PERSON_ROLES = new Set(roles.personRoleNouns);
const ROLE_MODIFIERS = new Set(roles.roleModifiers);
const ORGANIZATION_HEADS = new Set(roles.organizationHeads);
const COLLECTIVES = new Set(roles.collectiveNouns);
const SAME_ROLES: [string, string][] = roles.sameRoles as [string, string][];
const SUFFIXES = new Set(titles.nameSuffixes);
const PEOPLES = new Set(demonyms.plurals);
const PEOPLE_ADJECTIVES = new Set(demonyms.adjectives);

// Every name run is asked about, and articles repeat their names: each is split once.
const titleSplits = memoized((key: string) => splitTitleOf(key.split('\u0000')));

/** Splits "New York City Mayor Bill de Blasio" into the title "Mayor" and the name "Bill de Blasio". */
export function splitTitle(tokens: readonly Token[]): TitledName {
  const decided = titleSplits(tokens.length === 1 ? (tokens[0] as Token).text : packedMap(tokens, (token) => token.text).join('\u0000'));
  return { title: decided.title, nameFrom: decided.nameFrom };
}

function splitTitleOf(words: readonly string[]): TitledName {
  let best: TitledName = { title: null, nameFrom: 0 };
  for (let from = 0; from < words.length; from += 1) {
    for (let length = Math.min(LONGEST_TITLE, words.length - from); length >= 1; length -= 1) {
      const title = words.slice(from, from + length).join(' ');
      if (!TITLES.has(title.toLowerCase())) continue;
      // A title comes before a name: "Larry King" ends in a name, not in the title "King".
      if (from > 0 && from + length === words.length) continue;
      if (from + length > best.nameFrom || best.title === null) best = { title, nameFrom: from + length };
      break;
    }
  }
  return best;
}

/** Lowercase keys a role can be referred back by: "Secretary of State" -> ["secretary of state", "secretary"]. */
export const roleKeys = memoized(roleKeysUncached);

function roleKeysUncached(role: string): readonly string[] {
  const words = role.toLowerCase().replace(/[.,]/g, '').split(/\s+/).filter((word) => word !== '');
  const keys = new Set<string>();
  const ofAt = words.indexOf('of');
  const head = ofAt > 0 ? words.slice(0, ofAt) : words;
  keys.add(words.join(' '));
  for (let i = 0; i < head.length; i += 1) {
    const tail = head.slice(i).join(' ');
    if (PERSON_ROLES.has(tail) || ORGANIZATION_HEADS.has(tail) || TITLES.has(tail)) keys.add(tail);
  }
  for (const [one, other] of SAME_ROLES) {
    if (keys.has(one)) keys.add(other);
    if (keys.has(other)) keys.add(one);
  }
  return [...keys].filter((key) => key !== '');
}

export function isPersonRole(word: string): boolean {
  const lower = word.toLowerCase();
  return PERSON_ROLES.has(lower) || TITLES.has(lower);
}

export function isRoleModifier(word: string): boolean {
  return ROLE_MODIFIERS.has(word.toLowerCase());
}

export function isOrganizationHead(word: string): boolean {
  return ORGANIZATION_HEADS.has(word.toLowerCase());
}

export function isCollective(word: string): boolean {
  return COLLECTIVES.has(word.toLowerCase());
}

export function isNameSuffix(word: string): boolean {
  return SUFFIXES.has(word);
}

/** "Iraqis", "New Yorkers", "Californians": a people or the residents of a place, a group rather than one speaker. */
export const isPeopleName = memoized(decidePeopleName);

function decidePeopleName(name: string): boolean {
  const folded = name.toLowerCase().replace(/^the\s+/u, '').replace(/[’']s?$/u, '').trim();
  return PEOPLES.has(folded) || PEOPLE_ADJECTIVES.has(folded) || PEOPLES.has(`${folded}s`) || /^\p{L}[\p{L}-]*ians?$/u.test(folded);
}
