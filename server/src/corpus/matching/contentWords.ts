import data from './data/stopWords.json';
import { memoized } from '../../engine/memoized';

const STOP_WORDS: ReadonlySet<string> = new Set(data.stopWords);
const SHORT_FORMS: ReadonlyMap<string, string> = new Map(Object.entries(data.shortForms));

// Every word of every passage is asked about, and articles repeat their words: each is decided once.
/**
 * The form of a normalised word used to compare meaning rather than wording, or null for a
 * function word: "27th" -> "27", "Dec" -> "december", "attacks" -> "attack".
 */
export const contentForm = memoized(contentFormUncached, 100_000);

function contentFormUncached(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  if (ordinal) return ordinal[1] ?? word;
  const full = SHORT_FORMS.get(word);
  if (full !== undefined) return full;
  return singular(word);
}

// A light plural fold: enough for "attacks"/"attack", "militias"/"militia", "parties"/"party".
function singular(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is|ews)$/.test(word)) return word;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}
