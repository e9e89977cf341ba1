import nlp from './tagger';
import { memoized } from './memoized';

/** What compromise's lexicon knows about a name taken alone. */
export interface NameFacts {
  person: boolean;
  organization: boolean;
  place: boolean;
  gender: 'male' | 'female' | null;
}

// compromise is slow on whole articles, so it only ever sees short candidate names, once each.
/** Classifies a capitalised name ("Hillary Clinton", "Iran", "Defense Department") with compromise's lexicon. */
export const nameFacts = memoized(computeFacts);

function computeFacts(name: string): NameFacts {
  // The parsed terms' own tag sets: what `.json()` would list, without copying every term out first.
  const terms = nlp(name).docs.flat();
  const tagged = (term: (typeof terms)[number], tag: string): boolean => term.tags?.has(tag) === true;
  const has = (tag: string): boolean => terms.some((term) => tagged(term, tag));
  const first = terms[0];
  const gender = first && tagged(first, 'FemaleName') ? 'female' : first && tagged(first, 'MaleName') ? 'male' : null;
  return {
    person: has('Person') || has('FirstName') || has('LastName'),
    organization: has('Organization'),
    place: terms.length > 0 && terms.every((term) => tagged(term, 'Place') || tagged(term, 'Country')),
    gender,
  };
}
