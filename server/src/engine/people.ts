import nlp from 'compromise';

/** What compromise's lexicon knows about a name taken alone. */
export interface NameFacts {
  person: boolean;
  organization: boolean;
  place: boolean;
  gender: 'male' | 'female' | null;
}

interface TermJson {
  tags: string[];
}
interface SentenceJson {
  terms: TermJson[];
}

// compromise is slow on whole articles, so it only ever sees short candidate names, once each.
const cache = new Map<string, NameFacts>();
const CACHE_LIMIT = 20_000;

/** Classifies a capitalised name ("Hillary Clinton", "Iran", "Defense Department") with compromise's lexicon. */
export function nameFacts(name: string): NameFacts {
  const cached = cache.get(name);
  if (cached) return cached;
  const facts = computeFacts(name);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, facts);
  return facts;
}

function computeFacts(name: string): NameFacts {
  const terms = (nlp(name).json() as SentenceJson[]).flatMap((sentence) => sentence.terms);
  const has = (tag: string): boolean => terms.some((term) => term.tags.includes(tag));
  const first = terms[0]?.tags ?? [];
  const gender = first.includes('FemaleName') ? 'female' : first.includes('MaleName') ? 'male' : null;
  return {
    person: has('Person') || has('FirstName') || has('LastName'),
    organization: has('Organization'),
    place: terms.length > 0 && terms.every((term) => term.tags.includes('Place') || term.tags.includes('Country')),
    gender,
  };
}
