import functionWords from './data/functionWords.json';

const NOT_ADVERBS = new Set(functionWords.lyNotAdverbs);
const LY_WORD = /^\p{Ll}{3,}ly$/u;

/** "also", "repeatedly", "publicly": a lowercase -ly word that is an adverb, not "family" or "rally". */
export function isLyAdverb(word: string): boolean {
  return LY_WORD.test(word) && !NOT_ADVERBS.has(word);
}
