/** Spelling exceptions for inflecting a verb, from data/cues.json. */
export interface CueSpellingExceptions {
  /** lemma -> past and participle forms that replace the regular -ed form. */
  irregularPast: Readonly<Record<string, readonly string[]>>;
  /** Lemmas that double their last consonant before -ed and -ing ("admitted"). */
  doubleFinalConsonant: ReadonlySet<string>;
}

const VOWEL = /[aeiou]/;

function thirdPerson(lemma: string): string {
  if (/(?:s|x|z|ch|sh|o)$/.test(lemma)) return `${lemma}es`;
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ies`;
  return `${lemma}s`;
}

function regularPast(lemma: string, doubles: boolean): string {
  if (doubles) return `${lemma}${lemma.slice(-1)}ed`;
  if (lemma.endsWith('e')) return `${lemma}d`;
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ied`;
  return `${lemma}ed`;
}

function presentParticiple(lemma: string, doubles: boolean): string {
  if (doubles) return `${lemma}${lemma.slice(-1)}ing`;
  if (lemma.endsWith('ie')) return `${lemma.slice(0, -2)}ying`;
  // "agree", "see" keep their e; "state", "argue" drop it.
  if (lemma.endsWith('e') && !lemma.endsWith('ee') && lemma.length > 2 && VOWEL.test(lemma.slice(0, -1))) {
    return `${lemma.slice(0, -1)}ing`;
  }
  return `${lemma}ing`;
}

/** Past tense and past participle forms of a lemma. */
export function pastForms(lemma: string, exceptions: CueSpellingExceptions): readonly string[] {
  return exceptions.irregularPast[lemma] ?? [regularPast(lemma, exceptions.doubleFinalConsonant.has(lemma))];
}

/** Every form of a verb: lemma, third person, past forms, -ing form, without repeats. */
export function inflect(lemma: string, exceptions: CueSpellingExceptions): string[] {
  const doubles = exceptions.doubleFinalConsonant.has(lemma);
  const forms = [lemma, thirdPerson(lemma), ...pastForms(lemma, exceptions), presentParticiple(lemma, doubles)];
  return [...new Set(forms)];
}
