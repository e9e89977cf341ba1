import type { NameRun } from './names';
import { isPersonRole, isRoleModifier } from './roles';
import type { Token } from './tokens';
import { lexiconFiniteVerb, lexiconModifier, lexiconName, type WordEvidence } from './wordEvidence';

/**
 * The first word of a sentence is capitalised whatever it is: "Ultimately", "Schools" or
 * "Rival" in "Rival Hillary Clinton" are not names when the article never writes them
 * capitalised in mid-sentence and writes them in lowercase (or the lexicon calls them common).
 * Returns the run without such an opening word, or null when nothing is left.
 */
export function withoutOpeningWord(run: NameRun, evidence: WordEvidence, text: string): NameRun | null {
  if (!run.sentenceInitial) return run;
  const first = run.tokens[0] as Token;
  if (lexiconName(first.text) || isPersonRole(first.text)) return run;
  const rest = run.tokens.slice(1);
  if (rest.length === 0) return evidence.neverNamed(first.text) ? null : run;
  const next = rest[0] as Token;
  // "City Attorney Brad Holm", "Former Gov. Ed Rendell": the opening word belongs to a title.
  if (!/^\p{Lu}/u.test(next.text) || (isRoleModifier(first.text) && rest.some((token) => isPersonRole(token.text))) || isPersonRole(`${first.text} ${next.text}`)) return run;
  // "Hope Hicks", "Amelize Joseph": an opening given name is no common word; only modifiers are cut.
  // "Said Ellis, …": an inverted reporting verb.
  const modifier = lexiconModifier(first.text) || (lexiconFiniteVerb(first.text) && evidence.seenLowercase(first.text));
  if (!modifier && rest.length < 2) return run;
  if (!evidence.neverNamed(first.text) || !(modifier || evidence.seenLowercase(first.text))) return run;
  return { ...run, start: next.start, text: text.slice(next.start, run.end), tokens: rest, sentenceInitial: false };
}
