import nlp from './tagger';
import { isAbbreviation } from './tokens';
import { memoized } from './memoized';

interface Counts {
  capital: number;
  lower: number;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}'’\-]/u;
// A capital after one of these may only mark a sentence start; elsewhere it marks a name.
const OPENER_MARKS = new Set([...'.!?:;"“”‘’\'([\n\r\t—–-']);
const NAME_TAGS = ['Person', 'FirstName', 'LastName', 'Honorific', 'Place', 'Country', 'City', 'Organization', 'Acronym'];
const COMMON_TAGS = ['Condition', 'Verb', 'Adjective', 'Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Expression', 'Negative'];
const MODIFIER_TAGS = ['Condition', 'Adjective', 'Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord'];

function key(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes("'") || lower.includes('’') ? lower.replace(/['’]s?$/u, '') : lower;
}

/** The word ends at `at`, or goes on only with a possessive "'s". */
function wordEndsAt(text: string, at: number): boolean {
  const next = text[at];
  if (next === undefined || !WORD_CHAR.test(next)) return true;
  if (next !== "'" && next !== '’') return false;
  const after = text[at + 1];
  return after === undefined || !WORD_CHAR.test(after) || ((after === 's' || after === 'S') && (text[at + 2] === undefined || !WORD_CHAR.test(text[at + 2] as string)));
}

function startsLowercase(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toUpperCase();
}

/**
 * How the article itself writes each word: capitalised in mid-sentence (a name: "Trump", "FBI")
 * or in lowercase (a common word: "rally", "schools"). Decides whether a word that is
 * capitalised only because of its position (headline, sentence start) is a name.
 */
export class WordEvidence {
  private readonly counts = new Map<string, Counts>();
  private lowered: string | null = null;

  /** `skip` holds stretches (title-case headlines) whose capitals say nothing. */
  constructor(
    private readonly text: string,
    private readonly skip: readonly { start: number; end: number }[] = [],
  ) {}

  /** True when the article writes the word as a name, or, lacking evidence, when the lexicon does not call it a common word. */
  isNameWord(word: string): boolean {
    const counts = this.countsOf(key(word));
    if (counts.capital + counts.lower > 0) return counts.capital > counts.lower;
    return !lexiconCommon(word);
  }

  /** True when the article writes the word in lowercase more often than as a name. */
  isCommonWord(word: string): boolean {
    const counts = this.countsOf(key(word));
    if (counts.capital + counts.lower > 0) return counts.lower >= counts.capital && counts.lower > 0;
    return lexiconCommon(word);
  }

  /** True when the article never writes the word capitalised in mid-sentence, and writes it in lowercase or the lexicon calls it common. */
  neverNamed(word: string): boolean {
    const counts = this.countsOf(key(word));
    if (counts.capital > 0) return false;
    return counts.lower > 0 || lexiconCommon(word);
  }

  /** True when the article writes the word in lowercase somewhere. */
  seenLowercase(word: string): boolean {
    return this.countsOf(key(word)).lower > 0;
  }

  // Only the few words asked about (headline words, sentence openers) are counted, each once.
  private countsOf(word: string): Counts {
    const cached = this.counts.get(word);
    if (cached) return cached;
    const counts = { capital: 0, lower: 0 };
    this.counts.set(word, counts);
    if (word === '') return counts;
    this.lowered ??= this.text.toLowerCase();
    const { text, lowered } = this;
    for (let at = lowered.indexOf(word); at >= 0; at = lowered.indexOf(word, at + word.length)) {
      if (at > 0 && WORD_CHAR.test(text[at - 1] as string)) continue;
      if (!wordEndsAt(text, at + word.length) || (this.skip.length > 0 && this.skip.some((range) => range.start <= at && at < range.end))) continue;
      if (startsLowercase(text.slice(at, at + 1))) counts.lower += 1;
      else if (at > 0 && !opensSentence(text, at)) counts.capital += 1;
    }
    return counts;
  }
}

function opensSentence(text: string, at: number): boolean {
  let previous = at - 1;
  while (previous >= 0 && (text[previous] === ' ' || text[previous] === '\u00a0')) previous -= 1;
  if (previous < 0 || !OPENER_MARKS.has(text[previous] as string)) return false;
  const before = text.slice(Math.max(0, at - 12), at);
  const abbreviation = /(\p{L}+\.)\s+$/u.exec(before);
  return !(abbreviation && isAbbreviation(abbreviation[1] as string));
}

/** compromise's lexicon knows the word as a name ("Hillary", "Obama", "Iran"). */
export function lexiconName(word: string): boolean {
  return lexiconTags(word).some((tag) => NAME_TAGS.includes(tag));
}

/** compromise's lexicon knows the word as a finite verb ("Said", "Says", "Told"), not a bare one ("Rush", "Hope"). */
export function lexiconFiniteVerb(word: string): boolean {
  const tags = lexiconTags(word);
  return (tags.includes('PastTense') || (tags.includes('PresentTense') && !tags.includes('Infinitive'))) && !tags.some((tag) => NAME_TAGS.includes(tag));
}

/** compromise's lexicon calls the word an adverb, adjective, conjunction or other word that never starts a name ("Whether", "Rival"). */
export function lexiconModifier(word: string): boolean {
  return lexiconTags(word).some((tag) => MODIFIER_TAGS.includes(tag)) && !lexiconTags(word).some((tag) => NAME_TAGS.includes(tag));
}

interface TagInfo {
  is?: string;
}
interface LexiconModel {
  one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, TagInfo> };
}
let model: LexiconModel | null = null;

/** The word's tags with their ancestors ("PresentTense" is a "Verb"): the lexicon first, compromise's tagger for unknown words. */
const lexiconTags = memoized((word: string): string[] => {
  model ??= nlp.model() as unknown as LexiconModel;
  const entry = model.one.lexicon[word.toLowerCase()];
  return entry === undefined ? taggedAlone(word) : withAncestors(Array.isArray(entry) ? entry : [entry], model.one.tagSet);
});

function withAncestors(tags: readonly string[], tagSet: Record<string, TagInfo>): string[] {
  const all = new Set<string>();
  for (let tag of tags) {
    for (let depth = 0; depth < 8 && tag !== undefined && !all.has(tag); depth += 1) {
      all.add(tag);
      tag = tagSet[tag]?.is as string;
    }
  }
  return [...all];
}

function taggedAlone(word: string): string[] {
  const lower = word.charAt(0) + word.slice(1).toLowerCase();
  return ((nlp(lower).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags) ?? [];
}

/** compromise's lexicon calls the word a verb, adjective, adverb or function word, and no kind of name. */
function lexiconCommon(word: string): boolean {
  const tags = lexiconTags(word);
  return !tags.some((tag) => NAME_TAGS.includes(tag)) && tags.some((tag) => COMMON_TAGS.includes(tag));
}
