import type { NameRun } from './names';
import { isPersonRole } from './roles';
import type { Token } from './tokens';
import { lexiconModifier, type WordEvidence } from './wordEvidence';

/**
 * The first word of a sentence is capitalised whatever it is: "Ultimately", "Schools" or
 * "Rival" in "Rival Hillary Clinton" are not names when the article never writes them
 * capitalised in mid-sentence and writes them in lowercase (or the lexicon calls them common).
 * Returns the run without such an opening word, or null when nothing is left.
 */
export function withoutOpeningWord(run: NameRun, evidence: WordEvidence, text: string): NameRun | null {
  if (!run.sentenceInitial) return run;
  const first = run.tokens[0] as Token;
  if (isPersonRole(first.text) || !evidence.neverNamed(first.text)) return run;
  const rest = run.tokens.slice(1);
  if (rest.length === 0) return null;
  const next = rest[0] as Token;
  if (!/^\p{Lu}/u.test(next.text)) return run;
  // "Hope Hicks", "Amelize Joseph": an opening given name is no common word; only modifiers are cut.
  if (!lexiconModifier(first.text) && !(rest.length >= 2 && evidence.seenLowercase(first.text))) return run;
  return { ...run, start: next.start, text: text.slice(next.start, run.end), tokens: rest, sentenceInitial: false };
}
