import parties from './data/parties.json';
import { memoized } from './memoized';

const PARTY_OF = new Map<string, string>(Object.entries(parties.parties));

/** The parties named in some role phrases ("the Republican nominee" -> republican). */
export function partiesIn(roles: readonly string[]): Set<string> {
  const named = new Set<string>();
  for (const role of roles) for (const party of partiesOfRole(role)) named.add(party);
  return named;
}

// Every role of every entity is asked about for each role phrase of a long article: each role is read once.
const partiesOfRole = memoized((role: string): readonly string[] => {
  const parties: string[] = [];
  for (const word of role.toLowerCase().split(/[^\p{L}]+/u)) {
    const party = PARTY_OF.get(word);
    if (party !== undefined) parties.push(party);
  }
  return parties;
});

/** A role naming a party fits a person whose roles name no party or that same party. */
export function partiesAgree(wanted: ReadonlySet<string>, held: ReadonlySet<string>): boolean {
  return wanted.size === 0 || held.size === 0 || [...wanted].some((party) => held.has(party));
}
