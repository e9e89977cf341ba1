import { isLyAdverb } from './adverbs';
import functionWords from './data/functionWords.json';
import pronouns from './data/pronouns.json';
import roles from './data/roles.json';
import titles from './data/titles.json';
import { onlySpaces, onlyWhitespace } from './gaps';
import { LINKED_PARTICLE } from './nameShape';
import { isCollective, isOrganizationHead, isPersonRole, isRoleModifier } from './roles';
import { isCapitalized, tokenize, type Token } from './tokens';
import type { Span } from './types';

const FUNCTION_WORDS = new Set(functionWords.words);
const CONTRACTED = /^(\p{L}+)['’](?:s|re|m|d|ve|ll)$/u;
const SKIPPED = new Set(roles.subjectSkipWords);
const PARTICLES = new Set(titles.nameParticles);
const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'another', 'some', 'several', 'two', 'three', 'many', 'most', 'other', 'its', 'his', 'her', 'their', 'this', 'these', 'those']);
const JOINERS = new Set(['of', 'the', 'for', 'on', 'and', '&']);
export const PRONOUNS = new Set([...pronouns.male, ...pronouns.female, ...pronouns.plural, ...pronouns.neuter, ...pronouns.firstPerson]);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/** True for the words a source phrase can be made of. */
function isPhraseWord(word: string): boolean {
  if (isCapitalized(word) && !FUNCTION_WORDS.has(word.toLowerCase())) return true;
  if (LINKED_PARTICLE.test(word)) return true;
  const lower = word.toLowerCase().replace(/['’]s$/u, '');
  return isPersonRole(lower) || isRoleModifier(lower) || isOrganizationHead(lower) || isCollective(lower) || PARTICLES.has(lower) || /-(?:born|based|american|led|backed)$/u.test(lower);
}

/**
 * The noun phrase that ends right before `end` ("Mayor Bill de Blasio", "the supreme leader",
 * "he"), skipping auxiliaries and adverbs ("has also"); null when there is none.
 */
export function phraseBefore(text: string, from: number, end: number): Span | null {
  const tokens = tokenize(text, from, end);
  let index = tokens.length - 1;
  let gapEnd = end;
  while (index >= 0) {
    const token = tokens[index] as Token;
    if (!onlyWhitespace(text, token.end, gapEnd)) break;
    if (!SKIPPED.has(token.text.toLowerCase()) && !isLyAdverb(token.text)) break;
    gapEnd = token.start;
    index -= 1;
  }
  const aside = parentheticalBefore(text, from, gapEnd);
  if (aside !== null) return phraseBefore(text, from, aside);
  const last = tokens[index];
  if (!last || !onlyWhitespace(text, last.end, gapEnd)) return null;
  if (SUBJECT_PRONOUNS.has(last.text.toLowerCase())) return { start: last.start, end: last.end, text: last.text };
  // "He’s claiming", "They’ve said": the pronoun carries the auxiliary with it.
  const contracted = CONTRACTED.exec(last.text);
  if (contracted && SUBJECT_PRONOUNS.has((contracted[1] as string).toLowerCase())) {
    const pronoun = contracted[1] as string;
    return { start: last.start, end: last.start + pronoun.length, text: pronoun };
  }
  let first = index;
  while (first >= 0) {
    const token = tokens[first] as Token;
    const next = tokens[first + 1];
    if (next && first < index && !onlySpaces(text, token.end, next.start)) break;
    const lower = token.text.toLowerCase();
    if (isPhraseWord(token.text) || (JOINERS.has(lower) && first < index && first > 0)) {
      first -= 1;
      continue;
    }
    if (DETERMINERS.has(lower) && first < index) first -= 1;
    break;
  }
  let start = first + 1;
  while (start <= index && JOINERS.has((tokens[start] as Token).text.toLowerCase()) && !DETERMINERS.has((tokens[start] as Token).text.toLowerCase())) start += 1;
  if (start > index) return null;
  const from_ = (tokens[start] as Token).start;
  return { start: from_, end: last.end, text: text.slice(from_, last.end) };
}

/** "Rep. Jim Jordan (R-Ohio) said", "X -- the company's chief -- told": where a short aside right before `end` opens, else null. */
export function parentheticalBefore(text: string, from: number, end: number): number | null {
  const before = text.slice(Math.max(from, end - 40), end);
  const aside = /\(([^()]{1,30})\)\s*$/u.exec(before) ?? /(?:--|—|–)[^—–]{1,100}(?:--|—|–)\s*$/u.exec(text.slice(Math.max(from, end - 110), end));
  if (!aside) return null;
  const open = end - (aside.input as string).length + aside.index;
  return open > from ? open : null;
}

/** The noun phrase that starts right after `start` ("Norman Roule", "the Defense Department"), up to `to`. */
export function phraseAfter(text: string, start: number, to: number): Span | null {
  const tokens = tokenize(text, start, to);
  let index = 0;
  const firstToken = tokens[0];
  if (!firstToken || !onlyWhitespace(text, start, firstToken.start)) return null;
  if (SUBJECT_PRONOUNS.has(firstToken.text.toLowerCase())) return { start: firstToken.start, end: firstToken.end, text: firstToken.text };
  if (DETERMINERS.has(firstToken.text.toLowerCase())) index += 1;
  let last = index - 1;
  for (let i = index; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const previous = tokens[i - 1];
    if (previous && i > 0 && !onlySpaces(text, previous.end, token.start)) break;
    const lower = token.text.toLowerCase();
    if (isPhraseWord(token.text)) {
      last = i;
      continue;
    }
    if (JOINERS.has(lower) && i > index) continue;
    break;
  }
  if (last < index) return null;
  const end = (tokens[last] as Token).end;
  return { start: firstToken.start, end, text: text.slice(firstToken.start, end) };
}
