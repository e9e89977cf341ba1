import functionWords from './data/functionWords.json';

const NOT_ADVERBS = new Set(functionWords.lyNotAdverbs);

/** "also", "repeatedly", "publicly": a lowercase -ly word that is an adverb, not "family" or "rally". */
export function isLyAdverb(word: string): boolean {
  return /^\p{Ll}{3,}ly$/u.test(word) && !NOT_ADVERBS.has(word);
}
