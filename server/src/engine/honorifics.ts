import genderedTitles from './data/genderedTitles.json';

export type Gender = 'male' | 'female';

const MALE = new Set(genderedTitles.male.map((title) => title.toLowerCase()));
const FEMALE = new Set(genderedTitles.female.map((title) => title.toLowerCase()));

/** The sex a title states: "Mr." and "Congressman" male, "Mrs.", "Ms." and "Chairwoman" female; null for "Sen." or "President". */
export function titleGender(title: string | null): Gender | null {
  if (title === null) return null;
  const words = title.toLowerCase().split(/\s+/);
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const word = words[i] as string;
    if (MALE.has(word)) return 'male';
    if (FEMALE.has(word)) return 'female';
  }
  return null;
}

/** A person of known sex can be called by a title of the same sex or by an unsexed one. */
export function genderFits(known: Gender | null, stated: Gender | null): boolean {
  return known === null || stated === null || known === stated;
}
