/**
 * Unicode classes of single UTF-16 code units, exactly as the `u` regexes of the scanners see
 * them, for hand-written scanners: a regex that returns a match array for each of the tens of
 * thousands of words of an article costs more than the words' reading itself. Surrogates have no
 * class here; scanners fall back to their regex on text that contains any.
 */
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
export const SPACE = 8;
export const UPPERCASE = 16;
const KNOWN = 128;

const classes = new Uint8Array(0x10000);

function classify(code: number): number {
  const char = String.fromCharCode(code);
  return KNOWN
    | (/\p{L}/u.test(char) ? LETTER : 0)
    | (/\p{M}/u.test(char) ? MARK : 0)
    | (/\p{N}/u.test(char) ? NUMBER : 0)
    | (/\s/u.test(char) ? SPACE : 0)
    | (/\p{Lu}/u.test(char) ? UPPERCASE : 0);
}

/** The classes (LETTER, MARK, NUMBER, SPACE, UPPERCASE bits) of a code unit outside the surrogate range. */
export function charClass(code: number): number {
  // No code unit at all: `charCodeAt` past either end of the text gives NaN. Asked first, so that
  // the table is only ever read at an index it has: once read at NaN, V8's optimised code for the
  // read turned generic, and every scanner that asks for classes slowed down (tokenising the
  // 5,000 bench articles took 111 ms in a fresh process, 188 ms after the engine had run over
  // them, and 118 ms with this test first).
  if (!(code >= 0 && code < 0x10000)) return 0;
  const known = classes[code] as number;
  if (known !== 0) return known;
  const computed = classify(code);
  classes[code] = computed;
  return computed;
}

/** Whether `text` holds a surrogate, where code units and code points part ways. */
export function hasSurrogate(text: string): boolean {
  return /[\ud800-\udfff]/.test(text);
}
