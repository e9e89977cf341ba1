import { charClass, hasSurrogate, LETTER, SPACE } from './charClasses';
import type { CueMatch } from './cues';
import cueData from './data/cues.json';
import { isPeopleName } from './roles';

const LOWERCASE_COMPOUND = /^[\p{Ll}]+-[\p{Ll}]+$/u;
const ICAL_WORD = /^\p{Ll}+ical$/u;
const NOUN_DETERMINER = /^(?:the|a|an|his|her|its|their|our|my|your|this|these|those|some|many|several|few|most|all|both|other|such|any|no|every|each)$/iu;
const CONTENT_COMPLEMENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(cueData.contentComplements).map(([lemma, words]) => [lemma, new Set(words)]),
);
const NAMING_VERBS = new Set(cueData.namingVerbs);
// "what he called", "what multiple lawmakers call": a free relative with a short subject.
const FREE_RELATIVE = /(?:^|\s)what\s+(?:[\p{L}'’.-]+\s+){1,3}$/iu;
// Right after the verb: a quote mark, a colon or the clause's end ("…," she continued.).
const QUOTE_OR_CLAUSE_END = /^\s*(?:[:"“”‘’'.,;]|$)/u;

/**
 * False where a cue word is no reporting verb: a noun after a determiner, a possessive or a
 * classifying adjective ("the ruling", "Mr. Obama's remarks", "medical claims", "late-night calls"),
 * an infinitive ("to speak", "to continue"), which reports nothing yet, or a verb that needs a
 * content complement and has none ("spoke at a rally"), or a naming verb in a free relative
 * ("what he called a rant"), which labels a term.
 */
export function reportsHere(text: string, cue: CueMatch): boolean {
  const before = text.slice(Math.max(0, cue.start - 30), cue.start);
  const previous = wordBeforeSpaces(before);
  // A possessive ends that word ("Obama's remarks"): only then can the patterns for one match.
  const possessive = previous.endsWith("'s") || previous.endsWith('’s');
  if (possessive && /\p{L}['’]s\s+$/u.test(before) && !/\b(?:he|she|it|that|who|there|what|where|here)['’]s\s+$/iu.test(before)) return false;
  if ((NOUN_DETERMINER.test(previous) && !quantifierSubject(before, cue.text)) || /^to$/iu.test(previous)) return false;
  if (LOWERCASE_COMPOUND.test(previous) || ICAL_WORD.test(previous)) return false;
  if (isPeopleName(previous) && /^\p{Lu}/u.test(previous) && /s$/u.test(cue.text)) return false;
  if (NAMING_VERBS.has(cue.lemma) && FREE_RELATIVE.test(before)) return false;
  return hasContent(text, cue);
}

/** What `/([\p{L}'’-]+)\s+$/u` captures in `before`: the word its trailing spaces follow, or ''. */
function wordBeforeSpaces(before: string): string {
  if (hasSurrogate(before)) return /([\p{L}'’-]+)\s+$/u.exec(before)?.[1] ?? '';
  let end = before.length;
  while (end > 0 && (charClass(before.charCodeAt(end - 1)) & SPACE) !== 0) end -= 1;
  if (end === before.length) return '';
  let start = end;
  while (start > 0 && isWordCode(before.charCodeAt(start - 1))) start -= 1;
  return before.slice(start, end);
}

function isWordCode(code: number): boolean {
  return (charClass(code) & LETTER) !== 0 || code === 0x27 || code === 0x2019 || code === 0x2d;
}

// "Some believe", "but all agreed": a quantifier opening its clause stands alone as the subject of a
// verb form that cannot be a plural noun ("some claims" stays a noun phrase).
const QUANTIFIER_OPENING = /(?:^|[.!?;,:"“”(]\s*|\b(?:and|but|yet|while|though|although)\s+)(?:some|many|most|few|several|all|both)\s+$/iu;

function quantifierSubject(before: string, cueText: string): boolean {
  return QUANTIFIER_OPENING.test(before) && !/s$/iu.test(cueText);
}

function hasContent(text: string, cue: CueMatch): boolean {
  const openers = CONTENT_COMPLEMENTS.get(cue.lemma);
  if (openers === undefined) return true;
  const after = text.slice(cue.end, cue.end + 40);
  if (QUOTE_OR_CLAUSE_END.test(after)) return true;
  // "spoke emotionally of", "speaks more frequently in public about": adverbs may come first.
  const words = after.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  return words.slice(0, 5).some((word) => openers.has(word));
}
