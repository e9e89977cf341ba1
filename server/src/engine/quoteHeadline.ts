import { charClass, hasSurrogate, LETTER, SPACE, UPPERCASE } from './charClasses';

const HEADLINE_MAX_WORDS = 30;
const HEADLINE_CAPITALISED_SHARE = 0.7;

/** True for a short title-case line (Iran Promises 'Harsh Retaliation' On US After Death Of General). */
export function isHeadline(paragraph: string): boolean {
  if (hasSurrogate(paragraph)) return isHeadlineByPattern(paragraph);
  // Counted a word at a time, so that a long paragraph is given up on after its first words.
  let words = 0;
  let capitalised = 0;
  let at = 0;
  while (at < paragraph.length) {
    let firstLetter = 0;
    for (; at < paragraph.length; at += 1) {
      const kind = charClass(paragraph.charCodeAt(at));
      if ((kind & SPACE) !== 0) break;
      if (firstLetter === 0 && (kind & LETTER) !== 0) firstLetter = kind;
    }
    at += 1;
    if (firstLetter === 0) continue;
    words += 1;
    if (words > HEADLINE_MAX_WORDS) return false;
    if ((firstLetter & UPPERCASE) !== 0) capitalised += 1;
  }
  return words > 0 && capitalised / words >= HEADLINE_CAPITALISED_SHARE;
}

/** `isHeadline` by whole-word patterns, for text with surrogates. */
function isHeadlineByPattern(paragraph: string): boolean {
  const words = paragraph.split(/\s+/u).filter((word) => /^[^\p{L}]*\p{L}/u.test(word));
  if (words.length === 0 || words.length > HEADLINE_MAX_WORDS) return false;
  const capitalised = words.filter((word) => /^[^\p{L}]*\p{Lu}/u.test(word)).length;
  return capitalised / words.length >= HEADLINE_CAPITALISED_SHARE;
}
