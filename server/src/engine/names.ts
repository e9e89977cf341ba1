import functionWords from './data/functionWords.json';
import titles from './data/titles.json';
import { charClass, LETTER, NUMBER } from './charClasses';
import { onlySpaces } from './gaps';
import { isCapitalized, tokenize, type Token } from './tokens';
import { memoized } from './memoized';
import { LINKED_PARTICLE } from './nameShape';

/** A run of capitalised words that names someone or something ("Mayor Bill de Blasio", "Iran's"). */
export interface NameRun {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Written as a possessive ("Iran's"); `text` and `end` leave the "'s" out. */
  possessive: boolean;
  /** The run opens its sentence, where any word is capitalised. */
  sentenceInitial: boolean;
}

const FUNCTION_WORDS = new Set([...functionWords.words, ...functionWords.calendar]);
const PARTICLES = new Set(titles.nameParticles);
const CONNECTORS = new Set(['of', 'of the', 'for', 'for the']);
// Particles that open a family name cited alone mid-sentence ("said de Blasio", "bin Laden's"), and
// are no English word that could stand before a capitalised one ("do", "den", "la", "le" are left out).
const OPENING_PARTICLES = new Set(['de', 'da', 'das', 'dos', 'del', 'della', 'di', 'du', 'van', 'von', 'bin', 'ibn', 'al', 'el']);
const POSSESSIVE = /['’]s?$/u;

/** Finds the capitalised name runs of one sentence `text[from, to)`. */
export function findNameRuns(text: string, from: number, to: number): NameRun[] {
  const tokens = tokenize(text, from, to);
  const runs: NameRun[] = [];
  let sentenceStart = -1;
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] as Token;
    if (!isNameWord(token.text)) {
      index += 1;
      continue;
    }
    const opening = openingParticle(text, tokens, index);
    const members: Token[] = opening ? [opening, token] : [token];
    let next = index + 1;
    while (next < tokens.length && !POSSESSIVE.test((members[members.length - 1] as Token).text)) {
      const previous = members[members.length - 1] as Token;
      const candidate = tokens[next] as Token;
      if (!adjacent(text, previous, candidate)) break;
      if (isNameWord(candidate.text)) {
        members.push(candidate);
        next += 1;
        continue;
      }
      const bridge = bridgeLength(text, tokens, next);
      if (bridge === 0) break;
      members.push(...tokens.slice(next, next + bridge));
      next += bridge;
    }
    if (sentenceStart < 0) sentenceStart = firstWordStart(text, from);
    runs.push(toRun(text, members, (members[0] as Token).start === sentenceStart));
    index = next;
  }
  return runs;
}

/** The lowercase particle right before the name word at `at` ("de" of "de Blasio"), if any. */
function openingParticle(text: string, tokens: readonly Token[], at: number): Token | undefined {
  const particle = tokens[at - 1];
  return particle && OPENING_PARTICLES.has(particle.text) && adjacent(text, particle, tokens[at] as Token) ? particle : undefined;
}

const WORD_OPENER = /[\p{L}\p{N}@#]/u;

/** Where the first word at or after `from` starts (within 200 characters), else `from`. */
function firstWordStart(text: string, from: number): number {
  const end = Math.min(text.length, from + 200);
  for (let at = from; at < end; at += 1) {
    const code = text.charCodeAt(at);
    // A letter outside the Basic Multilingual Plane is two surrogates, which have no class: the pattern reads them.
    if (code >= 0xd800 && code <= 0xdfff) break;
    if ((charClass(code) & (LETTER | NUMBER)) !== 0 || code === 0x40 || code === 0x23) return at;
  }
  const match = WORD_OPENER.exec(text.slice(from, from + 200));
  return match ? from + match.index : from;
}

// Every word of every sentence is asked about, and articles repeat their words: each spelling is decided once.
const nameWord = memoized(decideNameWord, 50_000);

function isNameWord(word: string): boolean {
  return !isPlainLowercase(word) && nameWord(word);
}

/** Opens with a lowercase ASCII letter and has no hyphen where "al-", "bin-" would put one: no name word, whatever the memo says. */
function isPlainLowercase(word: string): boolean {
  const first = word.charCodeAt(0);
  // Reads past the word's end are avoided, not NaN: V8 deoptimises an optimised caller at the first one.
  return first >= 0x61 && first <= 0x7a && (word.length < 3 || word.charCodeAt(2) !== 0x2d) && (word.length < 4 || word.charCodeAt(3) !== 0x2d);
}

function decideNameWord(word: string): boolean {
  if (LINKED_PARTICLE.test(word)) return true;
  if (!isCapitalized(word)) return false;
  const lower = word.toLowerCase();
  return !FUNCTION_WORDS.has(lower) && !FUNCTION_WORDS.has(lower.replace(/['’]s?$/u, ''));
}

/** One or two spaces (plain or no-break) and nothing else between the two words. */
function adjacent(text: string, left: Token, right: Token): boolean {
  return right.start - left.end <= 2 && onlySpaces(text, left.end, right.start);
}

/** How many lowercase words ("de", "of the") join the name around them, or 0. */
function bridgeLength(text: string, tokens: readonly Token[], at: number): number {
  const first = tokens[at];
  if (first === undefined) return 0;
  const second = tokens[at + 1];
  const third = tokens[at + 2];
  if (second !== undefined && third !== undefined && isNameWord(third.text) && adjacent(text, first, second) && adjacent(text, second, third)) {
    if (CONNECTORS.has(`${first.text.toLowerCase()} ${second.text.toLowerCase()}`)) return 2;
  }
  if (second !== undefined && isNameWord(second.text) && adjacent(text, first, second)) {
    const word = first.text.toLowerCase();
    if (CONNECTORS.has(word) || PARTICLES.has(word)) return 1;
  }
  return 0;
}

function toRun(text: string, members: Token[], sentenceInitial: boolean): NameRun {
  const first = members[0] as Token;
  const last = members[members.length - 1] as Token;
  const possessive = POSSESSIVE.test(last.text) && /['’]/u.test(last.text);
  let end = last.end;
  if (possessive) end -= /s$/iu.test(last.text) && /['’]s$/iu.test(last.text) ? 2 : 1;
  if (possessive) members[members.length - 1] = { start: last.start, end, text: text.slice(last.start, end) };
  return { start: first.start, end, text: text.slice(first.start, end), tokens: members, possessive, sentenceInitial };
}
