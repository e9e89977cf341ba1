import { isLyAdverb } from './adverbs';
import { charClass, hasSurrogate, LETTER, SPACE } from './charClasses';
import { cueLexicon } from './cueLexicon';
import type { CueMatch } from './cues';
import roles from './data/roles.json';
import type { Span } from './types';
import { packedMap } from './packedMap';

// Phrases that stand as a cue's source when no name or role does: "the letter reads",
// "attorneys for the family said", "said the ruling". They are text patterns only.

const AUXILIARY = new Set(roles.subjectSkipWords);
const SUBJECT_DETERMINER = /^(?:the|a|an|this|that|these|those|his|her|its|their|our|one|another|some|many|most|several|all|both|other|each|every|no)$/iu;

/** The text before a cue without the auxiliaries and adverbs that stand between subject and verb ("has also"). */
export function withoutAuxiliaries(lead: string): string {
  if (hasSurrogate(lead)) return withoutAuxiliariesByPattern(lead);
  // Read back a word at a time, as the patterns of `withoutAuxiliariesByPattern` do.
  let end = endWithoutSpaces(lead, lead.length);
  for (;;) {
    let start = end;
    while (start > 0 && isLeadWordCode(lead.charCodeAt(start - 1))) start -= 1;
    if (start === end || (start > 0 && (charClass(lead.charCodeAt(start - 1)) & SPACE) === 0)) return lead.slice(0, end);
    const word = lead.slice(start, end);
    if (!(AUXILIARY.has(word.toLowerCase()) || isLyAdverb(word))) return lead.slice(0, end);
    end = endWithoutSpaces(lead, start);
  }
}

function endWithoutSpaces(text: string, end: number): number {
  let at = end;
  while (at > 0 && (charClass(text.charCodeAt(at - 1)) & SPACE) !== 0) at -= 1;
  return at;
}

/** A code unit of `[\p{L}'’]`, outside the surrogate range. */
function isLeadWordCode(code: number): boolean {
  return (charClass(code) & LETTER) !== 0 || code === 0x27 || code === 0x2019;
}

/** `withoutAuxiliaries` by patterns, for text with surrogates. */
function withoutAuxiliariesByPattern(lead: string): string {
  let rest = lead.replace(/\s+$/u, '');
  for (;;) {
    const word = /(?:^|\s)([\p{L}'’]+)$/u.exec(rest);
    if (!word || !(AUXILIARY.has((word[1] as string).toLowerCase()) || isLyAdverb(word[1] as string))) return rest;
    rest = rest.slice(0, rest.length - (word[1] as string).length).replace(/\s+$/u, '');
  }
}

const LOWERCASE_WORD = /^\p{Ll}[\p{L}'’-]*$/u;

/** The last run of characters other than a space, or '' (how the words of a lead are split below). */
function lastWord(lead: string): string {
  let end = lead.length;
  while (end > 0 && lead.charCodeAt(end - 1) === 0x20) end -= 1;
  let start = end;
  while (start > 0 && lead.charCodeAt(start - 1) !== 0x20) start -= 1;
  return lead.slice(start, end);
}

/** A lowercase word that can head a noun phrase: no clause word, function word or determiner. */
function isCommonHead(head: string): boolean {
  return LOWERCASE_WORD.test(head) && !CLAUSE_WORD.test(head) && !FUNCTION_LIKE.test(head) && !SUBJECT_DETERMINER.test(head);
}

/**
 * "the letter reads", "environmentalists worry": a lowercase noun phrase opening the clause right
 * before the cue is an unnamed source. It must start the clause or follow a determiner that does.
 */
export function commonNounBefore(text: string, clauseStart: number, cueStart: number): Span | null {
  const lead = withoutAuxiliaries(text.slice(clauseStart, cueStart));
  // Most cues follow a name ("Obama said"): the last word alone rules them out, before the lead is split.
  if (!isCommonHead(lastWord(lead))) return null;
  const tokens = [...lead.matchAll(/[^ ]+/gu)];
  const words = packedMap(tokens, (token) => token[0]);
  const index = words.length - 1;
  let first = index;
  while (first > 0 && index - first < 4) {
    const word = words[first - 1] as string;
    if (!/^[\p{L}\d][\p{L}\d'’.-]*$/u.test(word) || SUBJECT_DETERMINER.test(word) || CLAUSE_WORD.test(word) || FUNCTION_LIKE.test(word)) break;
    first -= 1;
  }
  // Capitalised words only modify the head when a determiner opens the phrase ("the New York businessman").
  // "Ivana Trump's brief said": a possessive name determines the noun like "the" does.
  const possessed = words.slice(first, index).some((word) => POSSESSIVE_NAME.test(word));
  if (words.slice(first, index).some((word) => /^\p{Lu}/u.test(word)) && !possessed && !(first > 0 && determines(words[first - 1]))) return null;
  if (first > 0 && determines(words[first - 1])) first -= 1;
  const phraseFrom = clauseStart + (tokens[first]?.index ?? lead.length);
  if (possessed) return spanBetween(text, phraseFrom, clauseStart + lead.length);
  const opener = first > 0 ? (words[first - 1] as string) : '';
  if (!(opener === '' || /[,;]$/u.test(opener) || CLAUSE_WORD.test(opener) || RELATIVE_OPENER.test(opener) || /^["“‘'(\[]+$/u.test(opener))) return null;
  const quoteMarks = /^["“‘'(\[]*/u.exec(words[first] ?? '')?.[0].length ?? 0;
  return spanBetween(text, phraseFrom + quoteMarks, clauseStart + lead.length);
}

/**
 * "attorneys for the family said", "Those close to him say": a finite cue whose clause opens with a
 * short stretch ending in a noun has that stretch as its (unnamed) subject.
 */
export function subjectStretch(text: string, clauseStart: number, cue: CueMatch): Span | null {
  if (/ing$/iu.test(cue.text)) return null;
  const whole = withoutAuxiliaries(text.slice(clauseStart, cue.start));
  const comma = whole.lastIndexOf(',');
  const lead = whole.slice(comma + 1);
  const opened = /^(?:[\s"“”‘’']|(?:and|but|so|yet|that|which|what|whom|as|while|because|although|though|when|if)\s)*/iu.exec(lead)?.[0].length ?? 0;
  const stretch = lead.slice(opened);
  const words = stretch.split(/\s+/u).filter((word) => word !== '');
  if (words.length < 2 || words.length > 10 || /[;:"“”()]/u.test(stretch)) return null;
  const last = words[words.length - 1] as string;
  if (!/^[\p{L}\d][\p{L}\d'’-]*$/u.test(last) || FUNCTION_LIKE.test(last) || CLAUSE_WORD.test(last) || SUBJECT_DETERMINER.test(last)) return null;
  if (PERSONAL_PRONOUN.test(last) && words.length < 3) return null;
  // A verb inside the stretch ("wouldn't", "She'll", a reporting verb) means it is a clause, not a subject.
  if (words.some((word) => FINITE_WORD.test(word) || cueLexicon.lemmaOfForm.has(word.toLowerCase()))) return null;
  const start = clauseStart + comma + 1 + opened;
  return { start, end: start + stretch.length, text: stretch };
}

const FINITE_WORD = /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|to|it|there|[\p{L}]+n['’]t|[\p{L}]+['’](?:ll|re|ve|d|m)|it['’]s|that['’]s|there['’]s|he['’]s|she['’]s)$/iu;

const POSSESSIVE_NAME = /^\p{Lu}[\p{L}.-]*['’]s$/u;

function determines(word: string | undefined): boolean {
  return word !== undefined && (SUBJECT_DETERMINER.test(word) || POSSESSIVE_NAME.test(word));
}

function spanBetween(text: string, start: number, end: number): Span | null {
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

// "what the senators said", "which state news media claimed": an object relative clause opens with these.
const RELATIVE_OPENER = /^(?:what|which|whom|whatever)$/iu;

const CLAUSE_WORD = /^(?:and|but|or|that|as|while|because|if|when|then|so)$/iu;
const FUNCTION_LIKE = /^(?:is|are|was|were|be|been|to|of|in|on|at|for|with|by|from|not|it|there|what|who|which|this|that)$/iu;

/** "said the ruling", "according to exit polls": a lowercase noun phrase after the cue, up to the clause's end. */
export function commonNounAfter(text: string, from: number, to: number): Span | null {
  const window = text.slice(from, Math.min(to, from + 80));
  const match = /^\s+((?:(?:the|a|an|its|his|her|their|this|that|one|some|many|several|most)\s+)?(?:[\p{Ll}\d][\p{L}\d'’-]*\s+){0,3}\p{Ll}[\p{L}'’-]*)(?=\s*(?:[,.;:!?)]|$))/u.exec(window);
  if (!match) return null;
  const phraseText = match[1] as string;
  const words = phraseText.split(/\s+/u);
  const determined = SUBJECT_DETERMINER.test(words[0] as string) && words.length > 1;
  if (!determined && !/s$/u.test(words[words.length - 1] as string)) return null;
  if (words.some((word) => FUNCTION_LIKE.test(word) || CLAUSE_WORD.test(word) || PERSONAL_PRONOUN.test(word))) return null;
  const start = from + (match[0].length - phraseText.length);
  return { start, end: start + phraseText.length, text: phraseText };
}

// Quantifiers standing alone as a subject ("Some believe", "others argue", "all agreed").
const QUANTIFIER_PRONOUN = /^(?:some|many|others|most|few|several|all|both|each|everyone|everybody|someone|somebody|nobody|none|anyone|anybody)$/iu;

/** "Some believe …", "but others say …": a quantifier opening the clause right before the cue is an unnamed source. */
export function quantifierBefore(text: string, clauseStart: number, cueStart: number): Span | null {
  const lead = withoutAuxiliaries(text.slice(clauseStart, cueStart));
  const match = /(?:^|[\s"“‘'(])([\p{L}]+)$/u.exec(lead);
  const word = match?.[1];
  if (word === undefined || !QUANTIFIER_PRONOUN.test(word)) return null;
  const opener = lead.slice(0, lead.length - word.length).trimEnd();
  const previous = /(\S+)$/u.exec(opener)?.[1] ?? '';
  if (!(previous === '' || /[,;"“‘'(]$/u.test(previous) || CLAUSE_WORD.test(previous))) return null;
  const start = clauseStart + lead.length - word.length;
  return { start, end: start + word.length, text: word };
}

const NOT_A_SUBJECT_START = /^(?:that|to|it|there|this|in|on|at|for|with|he|she|they|we|i|you|me|him|them|us|before|after|when|while|because|as|since|until|if|by|from|about|of|into|during|without|how|why|what|whether|where|who|which)$/iu;

/** The words after a cue up to the clause's end ("according to a complaint filed by the SEC"), at most 16 words. */
export function stretchAfter(text: string, from: number, to: number): Span | null {
  const window = text.slice(from, Math.min(to, from + 120));
  const match = /^\s+([^,.;:!?"“”()—–]+?)\s*(?=[,.;:!?"“”()—–]|$)/u.exec(window);
  if (!match) return null;
  const phraseText = match[1] as string;
  const words = phraseText.split(/\s+/u);
  if (words.length > 16 || NOT_A_SUBJECT_START.test(words[0] as string)) return null;
  const start = from + match[0].indexOf(phraseText);
  return { start, end: start + phraseText.length, text: phraseText };
}

const PERSONAL_PRONOUN = /^(?:me|him|us|them|you|he|she|we|they|i|myself|yourself|much|more|less)$/iu;

/** The noun right before `end` ("tweet" in "a tweet attacking"), when the word there is a plain lowercase or capitalised noun. */
export function nounBefore(text: string, from: number, end: number): Span | null {
  const match = /([\p{L}][\p{L}'’-]*)\s+$/u.exec(text.slice(Math.max(from, end - 40), end));
  if (!match) return null;
  const word = match[1] as string;
  if (FUNCTION_LIKE.test(word) || CLAUSE_WORD.test(word) || SUBJECT_DETERMINER.test(word) || PERSONAL_PRONOUN.test(word) || isLyAdverb(word) || AUXILIARY.has(word.toLowerCase())) return null;
  if (/(?:ed|ing)$/u.test(word)) return null;
  const start = end - match[0].length;
  return { start, end: start + word.length, text: word };
}
