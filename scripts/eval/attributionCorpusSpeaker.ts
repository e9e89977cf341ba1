import type { Analysis, Quote } from '../../server/src/engine/types';
import type { PolnearQuote } from './attributionCorpusGold';
import { fragmentsOverlapLength, type Range } from './spans';

const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * PolNeAR names sources as written, not as entities, so a predicted speaker is right when its
 * source span overlaps the gold Source, when its name shares the last name token with the gold
 * Source text, or when one of its mentions overlaps the gold Source (pronouns and roles).
 */
export function polnearSpeakerCorrect(gold: NonNullable<PolnearQuote['source']>, predicted: Quote, analysis: Analysis): boolean {
  if (predicted.source && fragmentsOverlapLength([predicted.source], gold.fragments) > 0) return true;
  if (predicted.speaker === null) return false;
  const lastName = lastNameToken(predicted.speaker);
  if (lastName !== null && wordTokens(gold.text).includes(lastName)) return true;
  const mentions: Range[] = analysis.speakers.find((speaker) => speaker.name === predicted.speaker)?.mentions ?? [];
  return fragmentsOverlapLength(mentions, gold.fragments) > 0;
}

export function lastNameToken(name: string): string | null {
  const tokens = wordTokens(name).filter((token) => !NAME_SUFFIXES.has(token));
  return tokens.length > 0 ? tokens[tokens.length - 1] : null;
}

/** Lower-case words with possessives dropped ("Clinton’s" -> "clinton"). */
function wordTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((token) => token.replace(/^['’-]+|['’-]+$/g, ''))
    .filter((token) => token.length > 0);
}
