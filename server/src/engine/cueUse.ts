import type { CueMatch } from './cues';
import { isPeopleName } from './roles';

const NOUN_DETERMINER = /^(?:the|a|an|his|her|its|their|our|my|your|this|these|those|some|many|several|few|most|all|both|other|such|any|no|every|each)$/iu;

/**
 * False where a cue word is no reporting verb: a noun after a determiner, a possessive or a
 * classifying adjective ("the ruling", "Mr. Obama's remarks", "medical claims", "late-night calls"),
 * or an infinitive ("to speak", "to continue"), which reports nothing yet.
 */
export function reportsHere(text: string, cue: CueMatch): boolean {
  const before = text.slice(Math.max(0, cue.start - 30), cue.start);
  if (/\p{L}['’]s\s+$/u.test(before) && !/\b(?:he|she|it|that|who|there|what|where|here)['’]s\s+$/iu.test(before)) return false;
  const previous = /([\p{L}'’-]+)\s+$/u.exec(before)?.[1] ?? '';
  if (NOUN_DETERMINER.test(previous) || /^to$/iu.test(previous)) return false;
  if (/^[\p{Ll}]+-[\p{Ll}]+$/u.test(previous) || /^\p{Ll}+ical$/u.test(previous)) return false;
  return !(isPeopleName(previous) && /^\p{Lu}/u.test(previous) && /s$/u.test(cue.text));
}
