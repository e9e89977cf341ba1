import type { Paragraph } from './quoteParagraphs';

// Shortcodes carry attributes ([aesop_image img=”” credit=”…”]); an unclosed one runs to the paragraph end.
const SHORTCODE = /\[\/?[A-Za-z][\w-]{0,40}\s[^[\]=]*=[^[\]]*(?:\]|$)|\[\/[A-Za-z][\w-]{0,40}\]/gu;
const HTML_TAG = /<\/?[A-Za-z][^<>]{0,2000}>/gu;
const ATTRIBUTE = /(?<![\w-])[A-Za-z_][\w-]{0,40}=["“”'‘’][^"“”'‘’]{0,2000}["“”'‘’]/gu;
// Each kind of markup has a character it cannot do without: most paragraphs have none of them.
const MARKUP_KINDS: ReadonlyArray<{ pattern: RegExp; needs: string }> = [
  { pattern: SHORTCODE, needs: '[' },
  { pattern: HTML_TAG, needs: '<' },
  { pattern: ATTRIBUTE, needs: '=' },
];

const NO_MARKUP = new Uint8Array(0);

/**
 * Marks which characters of a paragraph belong to markup (shortcodes, HTML tags, attribute values),
 * whose quote marks are not quote marks. Index 0 is the paragraph's first character; a paragraph
 * without markup characters gets an empty mask, which flags nothing either.
 */
export function markupMask(text: string, paragraph: Paragraph): Uint8Array {
  const body = text.slice(paragraph.start, paragraph.end);
  const kinds = MARKUP_KINDS.filter(({ needs }) => body.includes(needs));
  if (kinds.length === 0) return NO_MARKUP;
  const mask = new Uint8Array(body.length);
  for (const { pattern } of kinds) {
    for (const match of body.matchAll(pattern)) {
      const start = match.index ?? 0;
      mask.fill(1, start, start + match[0].length);
    }
  }
  return mask;
}
