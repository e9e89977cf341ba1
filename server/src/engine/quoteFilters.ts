import cues from './data/quoteCues.json';

/** Why a marked stretch is not a quote, or null when it is one. */
export type NotQuoteReason = 'empty' | 'interface' | 'title' | 'nickname' | 'direction' | 'promo';

const alternatives = (words: readonly string[]): string =>
  words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');
const OTHER_QUOTED = /(?<![\p{L}\p{N}])["“'‘][^"“”'‘’]{1,40}["”'’](?![\p{L}\p{N}])/gu;
const INTERFACE_CUE = new RegExp(
  `\\b(?:${alternatives(cues.uiVerbs)})\\b(?:[\\s,]+(?:${alternatives(cues.uiFillers)}|Q)\\b)*[\\s,]*$`,
  'iu',
);
const TITLE_CUE = new RegExp(`\\b(?:${alternatives(cues.titleCues)})\\s*[,:]?\\s*$`, 'iu');
const WORK_CUE = new RegExp(`\\b(?:${alternatives([...cues.workNouns, ...cues.workPhrases])})\\s*[,:]?\\s*$`, 'iu');
// Programmes named after their broadcaster: CNN's "State of the Union".
const BROADCASTER_POSSESSIVE = /\b\p{Lu}{2,}(?:'s|’s|')\s*$/u;
// A nickname stands between a given name (or initial) and a surname: Robert C. "Bobby" Scott.
const BEFORE_NICKNAME = /(?:^|\s)\p{Lu}[\p{L}'’-]*\.?\s*$/u;
const AFTER_NICKNAME = /^\s*\p{Lu}/u;
const MAX_NICKNAME_WORDS = 2;
const SMALL_WORDS = new Set(cues.titleSmallWords);
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;
const MAX_INTERFACE_WORDS = 4;
// A transcript's stage direction, wholly in brackets: "(CROSSTALK.)", "[Laughter]".
const STAGE_DIRECTION = /^\s*(?:\([^()]*\)|\[[^[\]]*\])[.,]?\s*$/u;
// "Follow Jane Doe on Twitter @janedoe": a writer's promotion line, not somebody's words.
const PROMO = new RegExp(`^\\s*Follow\\s.{1,60}?\\bon\\s+(?:${alternatives(cues.promoPlatforms)})\\b`, 'u');

/**
 * Tells a marked stretch that is not somebody's words: empty marks, interface labels
 * (Click 'OK' then 'Allow'), titles of works
 * (his book "Crippled America", CNN's "State of the Union"), nicknames (Robert C. "Bobby" Scott),
 * transcript stage directions ("(CROSSTALK.)") and promotion lines ("Follow Jane Doe on Twitter @janedoe").
 * `before` is the paragraph text up to the opening mark, `after` the text after the closing one; in a
 * headline every word is capitalised, so capitals there say nothing about nicknames.
 */
export function notQuoteReason(
  inner: string,
  before: string,
  after: string,
  inHeadline: boolean,
): NotQuoteReason | null {
  if (!HAS_WORD_CHARACTER.test(inner)) return 'empty';
  if (STAGE_DIRECTION.test(inner)) return 'direction';
  if (PROMO.test(inner)) return 'promo';
  const lead = before.replace(OTHER_QUOTED, ' Q ');
  // A long quote is seldom title case: its first words tell, and only a title-case one is read whole.
  const first = wordsOf(inner, MAX_INTERFACE_WORDS + 1);
  if (first.length <= MAX_INTERFACE_WORDS && INTERFACE_CUE.test(lead)) return 'interface';
  if (TITLE_CUE.test(lead)) return 'title';
  if (!isTitleCase(first)) return null;
  const words = first.length <= MAX_INTERFACE_WORDS ? first : wordsOf(inner, Infinity);
  if (!isTitleCase(words)) return null;
  if (WORK_CUE.test(lead) || BROADCASTER_POSSESSIVE.test(lead)) return 'title';
  const nicknameShaped = words.length <= MAX_NICKNAME_WORDS && !/[,.;:!?]$/u.test(inner);
  const betweenNames = BEFORE_NICKNAME.test(lead) && AFTER_NICKNAME.test(after);
  return !inHeadline && nicknameShaped && betweenNames ? 'nickname' : null;
}

/** The first `limit` words of `inner`: its runs of non-spaces with a letter or digit. */
function wordsOf(inner: string, limit: number): string[] {
  const words: string[] = [];
  const chunks = /\S+/gu;
  for (let chunk = chunks.exec(inner); chunk !== null && words.length < limit; chunk = chunks.exec(inner)) {
    if (HAS_WORD_CHARACTER.test(chunk[0])) words.push(chunk[0]);
  }
  return words;
}

function isTitleCase(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  return words.every((word, index) => {
    const bare = word.replace(/^[^\p{L}\p{N}]+/u, '');
    if (index > 0 && SMALL_WORDS.has(bare.toLowerCase())) return true;
    return /^[\p{Lu}\p{N}]/u.test(bare);
  });
}
