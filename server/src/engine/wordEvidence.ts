import nlp from 'compromise';
import { isAbbreviation } from './tokens';

interface Counts {
  capital: number;
  lower: number;
}

const WORD = /\p{L}[\p{L}\p{M}'’\-]*/gu;
// A capital after one of these may only mark a sentence start; elsewhere it marks a name.
const SENTENCE_OPENER = /[.!?:;"“”‘’'(\[\n—–-]\s*$/u;
const NAME_TAGS = ['Person', 'FirstName', 'LastName', 'Honorific', 'Place', 'Country', 'City', 'Organization', 'Acronym'];
const COMMON_TAGS = ['Verb', 'Adjective', 'Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Expression', 'Negative'];
const MODIFIER_TAGS = ['Adjective', 'Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord'];
const tagsCache = new Map<string, string[]>();
const TAG_CACHE_LIMIT = 20_000;

function key(word: string): string {
  return word.toLowerCase().replace(/['’]s?$/u, '');
}

/**
 * How the article itself writes each word: capitalised in mid-sentence (a name: "Trump", "FBI")
 * or in lowercase (a common word: "rally", "schools"). Decides whether a word that is
 * capitalised only because of its position (headline, sentence start) is a name.
 */
export class WordEvidence {
  private readonly counts = new Map<string, Counts>();

  /** `skip` holds stretches (title-case headlines) whose capitals say nothing. */
  constructor(text: string, skip: readonly { start: number; end: number }[] = []) {
    WORD.lastIndex = 0;
    let skipAt = 0;
    for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
      while (skipAt < skip.length && (skip[skipAt] as { end: number }).end <= match.index) skipAt += 1;
      const range = skip[skipAt];
      if (range && range.start <= match.index) continue;
      const word = match[0];
      const counts = this.countsOf(key(word));
      if (/^\p{Ll}/u.test(word)) counts.lower += 1;
      else if (match.index > 0 && !opensSentence(text, match.index)) counts.capital += 1;
    }
  }

  /** True when the article writes the word as a name, or, lacking evidence, when the lexicon does not call it a common word. */
  isNameWord(word: string): boolean {
    const counts = this.counts.get(key(word));
    if (counts && counts.capital + counts.lower > 0) return counts.capital > counts.lower;
    return !lexiconCommon(word);
  }

  /** True when the article writes the word in lowercase more often than as a name. */
  isCommonWord(word: string): boolean {
    const counts = this.counts.get(key(word));
    if (counts && counts.capital + counts.lower > 0) return counts.lower >= counts.capital && counts.lower > 0;
    return lexiconCommon(word);
  }

  /** True when the article never writes the word capitalised in mid-sentence, and writes it in lowercase or the lexicon calls it common. */
  neverNamed(word: string): boolean {
    const counts = this.counts.get(key(word));
    if (counts && counts.capital > 0) return false;
    return (counts !== undefined && counts.lower > 0) || lexiconCommon(word);
  }

  /** True when the article writes the word in lowercase somewhere. */
  seenLowercase(word: string): boolean {
    return (this.counts.get(key(word))?.lower ?? 0) > 0;
  }

  private countsOf(word: string): Counts {
    let counts = this.counts.get(word);
    if (!counts) {
      counts = { capital: 0, lower: 0 };
      this.counts.set(word, counts);
    }
    return counts;
  }
}

function opensSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  if (!SENTENCE_OPENER.test(before)) return false;
  const abbreviation = /(\p{L}+\.)\s+$/u.exec(before);
  return !(abbreviation && isAbbreviation(abbreviation[1] as string));
}

/** compromise's lexicon calls the word an adverb, adjective, conjunction or other word that never starts a name ("Whether", "Rival"). */
export function lexiconModifier(word: string): boolean {
  return lexiconTags(word).some((tag) => MODIFIER_TAGS.includes(tag)) && !lexiconTags(word).some((tag) => NAME_TAGS.includes(tag));
}

function lexiconTags(word: string): string[] {
  const cached = tagsCache.get(word);
  if (cached) return cached;
  const lower = word.charAt(0) + word.slice(1).toLowerCase();
  const tags = ((nlp(lower).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags) ?? [];
  if (tagsCache.size >= TAG_CACHE_LIMIT) tagsCache.clear();
  tagsCache.set(word, tags);
  return tags;
}

/** compromise's lexicon calls the word a verb, adjective, adverb or function word, and no kind of name. */
function lexiconCommon(word: string): boolean {
  const tags = lexiconTags(word);
  return !tags.some((tag) => NAME_TAGS.includes(tag)) && tags.some((tag) => COMMON_TAGS.includes(tag));
}
