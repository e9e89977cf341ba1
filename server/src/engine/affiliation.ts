import type { NameRun } from './names';
import type { Token } from './tokens';

/** A name run cut at "of"/"for": "Charles B. Rangel" + "New York", "Cameron Easley" + "Morning Consult". */
export interface AffiliationSplit {
  name: NameRun;
  affiliation: NameRun | null;
}

/**
 * Splits "Representative Charles B. Rangel of New York" before its first "of"/"for" after
 * `nameFrom`. The caller decides whether the part before is a person: only then is the rest a
 * place or an employer rather than part of the name ("Bank of America" stays whole).
 */
export function splitAffiliation(run: NameRun, nameFrom: number, text: string): AffiliationSplit | null {
  const at = run.tokens.findIndex((token, i) => i > nameFrom && (token.text === 'of' || token.text === 'for'));
  if (at < 0) return null;
  let from = at + 1;
  while (from < run.tokens.length && /^(?:the|of|for)$/u.test((run.tokens[from] as Token).text)) from += 1;
  const name = part(run, 0, at, text, false);
  const affiliation = from < run.tokens.length ? part(run, from, run.tokens.length, text, run.possessive) : null;
  return { name, affiliation };
}

function part(run: NameRun, from: number, to: number, text: string, possessive: boolean): NameRun {
  const tokens = run.tokens.slice(from, to);
  const first = tokens[0] as Token;
  const last = tokens[tokens.length - 1] as Token;
  return { start: first.start, end: last.end, text: text.slice(first.start, last.end), tokens, possessive, sentenceInitial: run.sentenceInitial && from === 0 };
}
