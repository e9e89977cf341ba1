import { cueLexicon } from './cueLexicon';
import { perLine } from './perLine';
import { extendHash, HashFilter } from './spanHash';
import type { Span } from './types';

/**
 * What kind of reporting cue: a verb ("said", "pointed out"), "according to", a passive
 * ("characterized by", "was quoted as saying"), or a phrase ("said in a statement", "told reporters",
 * "in an interview").
 */
export type CueForm = 'verb' | 'according' | 'passive' | 'phrase';

/** A reporting cue in the text (annotation guide, "Attribution"). */
export interface CueMatch extends Span {
  /** The reporting verb's lemma ("say" for "said in a statement"), or the phrase's own lemma. */
  lemma: string;
  form: CueForm;
}

const FORMS: readonly CueForm[] = ['passive', 'phrase', 'according', 'verb'];
const FIRST_WORD = /^[\p{L}'’-]+/u;
const WORD = /[\p{L}'’-]+/gu;
const LETTERS = /\p{L}[\p{L}'’-]*/gu;
// What may stand between a sentence boundary and its first word: spaces, opening quotes and brackets.
// A dash opening the text opens a sentence as one opening any other line does: a line reads alike wherever it stands.
const SENTENCE_OPENING = /(?:^|[\n.!?:;—–]|(?:^|\s)-)[\s"“”‘’'(\[]*$/u;
const LOOK_BACK = 40;
const HEADLINE_SHARE = 0.85;
// Longer function words that some headline styles leave in lower case.
const HEADLINE_LOWER_CASE = new Set(['with', 'from', 'into', 'onto', 'over', 'than', 'that', 'this', 'upon', 'amid']);

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const newline = text.indexOf('\n', index);
  return text.slice(start, newline < 0 ? text.length : newline);
}

/** A title-case line ("New York Mayor Says Police on Alert"), where capitalised verbs are still verbs. */
function isHeadline(line: string): boolean {
  const long = (line.match(LETTERS) ?? []).filter((word) => word.length >= 4 && !HEADLINE_LOWER_CASE.has(word));
  if (long.length < 2) return false;
  const capitalised = long.filter((word) => word[0] !== word[0]?.toLowerCase()).length;
  return capitalised / long.length >= HEADLINE_SHARE;
}

/**
 * A capitalised cue word counts only where capitals say nothing: at a sentence start or in a
 * headline. Elsewhere it is part of a name ("United States", "the Washington Post").
 */
function caseFits(text: string, start: number, word: string): boolean {
  if (word === word.toLowerCase()) return true;
  if (word === word.toUpperCase() && word.length > 1) return true;
  if (SENTENCE_OPENING.test(text.slice(Math.max(0, start - LOOK_BACK), start))) return true;
  return isHeadline(lineAround(text, start));
}

function lemmaOfWords(matched: string): string | null {
  for (const word of matched.toLowerCase().match(WORD) ?? []) {
    const lemma = cueLexicon.lemmaOfForm.get(word);
    if (lemma !== undefined) return lemma;
  }
  return null;
}

function lemmaOf(form: CueForm, matched: string): string {
  const normalised = matched.toLowerCase().replace(/\s+/g, ' ');
  if (form === 'verb') return cueLexicon.lemmaOfForm.get(normalised) ?? normalised;
  if (form === 'according') return normalised;
  if (form === 'phrase') {
    const standalone = cueLexicon.standalone.find(({ whole }) => whole.test(matched));
    if (standalone) return standalone.lemma ?? normalised;
  }
  return lemmaOfWords(matched) ?? normalised;
}

const STICKY_PATTERN = new RegExp(cueLexicon.pattern.source, 'iy');
const LEAD_HASHES = new HashFilter(cueLexicon.leads ?? [], true);

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * The matches of the cue pattern in `text[from, to)`, as `matchAll` finds them. A match opens a
 * word whose letters lead some alternative, so the costly pattern is only tried at those words.
 */
function cueMatches(text: string, from: number, to: number): RegExpExecArray[] {
  const { leads, pattern } = cueLexicon;
  const matches: RegExpExecArray[] = [];
  if (leads === null) {
    pattern.lastIndex = from;
    for (let match = pattern.exec(text); match !== null && match.index < to; match = pattern.exec(text)) matches.push(match);
    return matches;
  }
  let at = from;
  while (at < to) {
    if (!isAsciiLetter(text.charCodeAt(at))) {
      at += 1;
      continue;
    }
    let end = at;
    let hash = 0;
    for (let code = text.charCodeAt(end); isAsciiLetter(code); code = text.charCodeAt(end)) {
      hash = extendHash(hash, code | 0x20);
      end += 1;
    }
    const match = LEAD_HASHES.mayHold(hash) && leads.has(text.slice(at, end).toLowerCase()) ? matchAt(text, at) : null;
    if (match === null) at = end;
    else {
      matches.push(match);
      at = match.index + match[0].length;
    }
  }
  return matches;
}

function matchAt(text: string, at: number): RegExpExecArray | null {
  STICKY_PATTERN.lastIndex = at;
  return STICKY_PATTERN.exec(text);
}

/**
 * Finds reporting cues: sorted by start, never overlapping, the longest reading at each place.
 * No cue spans a line break, and whether one fits is settled by the line break before it at the
 * furthest (see caseFits), so each distinct line is read once however often it recurs.
 */
export const findCues: (text: string) => CueMatch[] = perLine(cuesInLine, (cue, offset) => ({ start: cue.start + offset, end: cue.end + offset, text: cue.text, lemma: cue.lemma, form: cue.form }));

function cuesInLine(text: string, lineStart: number, lineEnd: number): CueMatch[] {
  const cues: CueMatch[] = [];
  for (const match of cueMatches(text, lineStart, lineEnd)) {
    const start = match.index;
    const matched = match[0];
    const firstWord = FIRST_WORD.exec(matched)?.[0] ?? matched;
    if (!caseFits(text, start, firstWord)) continue;
    const form = FORMS.find((name) => match.groups?.[name] !== undefined) ?? 'verb';
    cues.push({ start, end: start + matched.length, text: matched, lemma: lemmaOf(form, matched), form });
  }
  return cues;
}
