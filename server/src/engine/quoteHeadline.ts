const HEADLINE_MAX_WORDS = 30;
const HEADLINE_CAPITALISED_SHARE = 0.7;

/** True for a short title-case line (Iran Promises 'Harsh Retaliation' On US After Death Of General). */
export function isHeadline(paragraph: string): boolean {
  const words = paragraph.split(/\s+/u).filter((word) => /^[^\p{L}]*\p{L}/u.test(word));
  if (words.length === 0 || words.length > HEADLINE_MAX_WORDS) return false;
  const capitalised = words.filter((word) => /^[^\p{L}]*\p{Lu}/u.test(word)).length;
  return capitalised / words.length >= HEADLINE_CAPITALISED_SHARE;
}
