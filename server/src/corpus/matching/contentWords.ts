import data from './data/stopWords.json';

const STOP_WORDS: ReadonlySet<string> = new Set(data.stopWords);
const SHORT_FORMS: ReadonlyMap<string, string> = new Map(Object.entries(data.shortForms));

// Every word of every passage is asked about, and articles repeat their words: each is decided once.
const CONTENT_FORMS_LIMIT = 100_000;
const contentForms = new Map<string, string | null>();

/**
 * The form of a normalised word used to compare meaning rather than wording, or null for a
 * function word: "27th" -> "27", "Dec" -> "december", "attacks" -> "attack".
 */
export function contentForm(word: string): string | null {
  const known = contentForms.get(word);
  if (known !== undefined) return known;
  if (contentForms.size >= CONTENT_FORMS_LIMIT) contentForms.clear();
  const form = contentFormUncached(word);
  contentForms.set(word, form);
  return form;
}

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
