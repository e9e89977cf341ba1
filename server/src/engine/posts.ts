import type { Paragraph } from './quoteParagraphs';
import type { Span } from './types';

/** An embedded social-media post: its text and the signature line naming its author. */
export interface Post {
  text: Span;
  signature: Span;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE = `(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
const TIME = '(?:\\s+(?:at\\s+)?\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?';
// "— Name (@handle) January 3, 2020", also with an en dash, a hyphen or two, and a trailing link.
const SIGNATURE = new RegExp(
  `(?:(?:^|\\s)-{1,2}|—|–|―)\\s*([^\\s—–―()@](?:[^—–―()@\\s]|\\s(?!-)){0,99}?\\s*\\(@\\w{1,30}\\)(?:\\s*(?:on\\s+)?${DATE}${TIME})?)` +
    `(?:\\s+(?:https?://|pic\\.twitter\\.com/)\\S*)?\\s*$`,
  'u',
);
const LINK = /^(?:https?:\/\/|pic\.twitter\.com\/)/u;
const OPENING_MARKS = '"“‘\'';
const CLOSING_MARKS = '"”’\'';

/**
 * Reads a paragraph as an embedded post ("text — Name (@handle) Month D, YYYY"). When the paragraph is
 * only the signature, the post text is the paragraph before it.
 */
export function readPost(text: string, paragraph: Paragraph, previous: Paragraph | null): Post | null {
  const body = text.slice(paragraph.start, paragraph.end);
  const match = SIGNATURE.exec(body);
  if (match === null || match[1] === undefined) return null;
  const signatureStart = paragraph.start + match.index + match[0].indexOf(match[1]);
  const signature = spanOf(text, signatureStart, signatureStart + match[1].trimEnd().length);
  const textEnd = paragraph.start + match.index;
  if (textEnd > paragraph.start) return postWith(text, paragraph.start, textEnd, signature);
  if (previous === null) return null;
  return postWith(text, previous.start, previous.end, signature);
}

function postWith(text: string, start: number, end: number, signature: Span): Post | null {
  let from = start;
  let to = withoutTrailingLinks(text, start, end);
  if (to - from >= 2 && OPENING_MARKS.includes(text[from] ?? '') && CLOSING_MARKS.includes(text[to - 1] ?? '')) {
    // Only when the marks enclose the whole post ("A" and "B" keeps its marks).
    if (/["“”]/u.test(text.slice(from + 1, to - 1))) return { text: spanOf(text, from, to), signature };
    from++;
    to--;
  }
  if (!/[\p{L}\p{N}]/u.test(text.slice(from, to))) return null;
  return { text: spanOf(text, from, to), signature };
}

/** Embeds often keep the photo or status link at the end of the post text: not part of the words. */
function withoutTrailingLinks(text: string, start: number, end: number): number {
  let to = end;
  for (;;) {
    while (to > start && /\s/u.test(text[to - 1] ?? '')) to--;
    let wordStart = to;
    while (wordStart > start && !/\s/u.test(text[wordStart - 1] ?? '')) wordStart--;
    if (wordStart === to || !LINK.test(text.slice(wordStart, to))) return to;
    to = wordStart;
  }
}

function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}
