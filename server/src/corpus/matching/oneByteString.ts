const BEYOND_LATIN1 = /[^\u0000-\u00ff]/u;

/**
 * The same text, stored one byte per code unit when every unit fits one. V8 keeps a string cut
 * from a two-byte text (any article with a curly quote) at two bytes a unit, and so does a string
 * joined from such pieces, even when they are plain ASCII: thousands of kept word lists would
 * take twice the memory they need.
 */
export function oneByteString(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}
