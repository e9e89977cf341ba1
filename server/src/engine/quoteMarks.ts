import cues from './data/quoteCues.json';

/** What a quote mark can do where it stands. */
export type MarkRole = 'open' | 'close' | 'either';

export type MarkFamily = 'double' | 'single';

/** A quote mark that may delimit a quote (apostrophes and primes are left out). */
export interface QuoteMark {
  offset: number;
  /** 2 for doubled marks standing in for a double quote ('' or ``), else 1. */
  length: number;
  family: MarkFamily;
  /** Straight marks (" '') have no direction of their own; curly ones do. */
  straight: boolean;
  role: MarkRole;
  /** A closing single mark that may be a plural possessive (players' union). */
  weak: boolean;
}

interface Glyph {
  family: MarkFamily;
  /** The direction the glyph is drawn in, or null for straight marks. */
  drawn: 'open' | 'close' | null;
}

// Longest first: doubled apostrophes and backticks stand in for double quotes in some feeds.
const GLYPHS: ReadonlyArray<readonly [string, Glyph]> = [
  ["''", { family: 'double', drawn: null }],
  ['``', { family: 'double', drawn: 'open' }],
  ['‘‘', { family: 'double', drawn: 'open' }],
  ['’’', { family: 'double', drawn: 'close' }],
  ['"', { family: 'double', drawn: null }],
  ['“', { family: 'double', drawn: 'open' }],
  ['„', { family: 'double', drawn: 'open' }],
  ['‟', { family: 'double', drawn: 'open' }],
  ['«', { family: 'double', drawn: 'open' }],
  ['”', { family: 'double', drawn: 'close' }],
  ['»', { family: 'double', drawn: 'close' }],
  ["'", { family: 'single', drawn: null }],
  ['‘', { family: 'single', drawn: 'open' }],
  ['‛', { family: 'single', drawn: 'open' }],
  ['’', { family: 'single', drawn: 'close' }],
];
const MARK_CHARACTERS = new Set(GLYPHS.map(([glyph]) => glyph[0]));
// The same, as flags by UTF-16 code unit, to test every character of a paragraph without making strings of them.
const MARK_CODES = new Uint8Array(0x10000);
for (const [glyph] of GLYPHS) MARK_CODES[glyph.charCodeAt(0)] = 1;

// Control and format characters (NUL, BOM, zero-width space) separate words like spaces do.
const SPACE = /^[\s\p{Cc}\p{Cf}]$/u;
const WORD = /^[\p{L}\p{N}]$/u;
const BEFORE_OPENING = /^[([{<—–\-/:;,…]$/u;
const AFTER_CLOSING = /^[.,;:!?)\]}>—–\-/…*]$/u;
const ELISION = new RegExp(`^(?:\\d\\d(?:s\\b|\\b)|\\d0s|(?:${cues.elisions.join('|')})\\b)`, 'iu');
const POSSESSIVE_END = /^[sSzZ]$/u;

function isSpace(char: string | undefined): boolean {
  return char === undefined || SPACE.test(char);
}

function isMark(char: string | undefined): boolean {
  return char !== undefined && MARK_CHARACTERS.has(char);
}

function glyphAt(text: string, offset: number, end: number): readonly [string, Glyph] | undefined {
  return GLYPHS.find(([glyph]) => offset + glyph.length <= end && text.startsWith(glyph, offset));
}

/**
 * Finds the quote marks of one stretch of text and tells, from the characters around each, whether it
 * opens or closes a quote. Apostrophes inside words (don't, Trump’s) and elisions ('90s, 'em) are left
 * out; primes after digits (6'2") can only close, so with nothing open they are skipped.
 * `skip` flags characters (from `start`) that belong to markup.
 */
export function findMarks(text: string, start: number, end: number, skip: Uint8Array): QuoteMark[] {
  const marks: QuoteMark[] = [];
  for (let offset = start; offset < end; offset++) {
    if (MARK_CODES[text.charCodeAt(offset)] !== 1 || skip[offset - start] === 1) continue;
    const found = glyphAt(text, offset, end);
    if (found === undefined) continue;
    const [glyph, { family, drawn }] = found;
    const before = offset > start ? text[offset - 1] : undefined;
    const afterOffset = offset + glyph.length;
    const after = afterOffset < end ? text[afterOffset] : undefined;
    offset = afterOffset - 1;
    if (family === 'single' && isApostrophe(text, afterOffset, end, before, after)) continue;
    const role = roleOf(drawn, canOpen(before, after), canClose(before, after)) ?? jammedRole(family, before, after);
    if (role === null) continue;
    const possessive = POSSESSIVE_END.test(before ?? '') && after !== undefined && isSpace(after);
    const weak = family === 'single' && role !== 'open' && possessive;
    const straight = drawn === null;
    marks.push({ offset: afterOffset - glyph.length, length: glyph.length, family, straight, role, weak });
  }
  return marks;
}

/** At a paragraph's start (`before` undefined) a mark has nothing to close, so it opens even before a space. */
function canOpen(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined) return after !== undefined;
  return (isSpace(before) || isMark(before) || BEFORE_OPENING.test(before ?? '')) && !isSpace(after);
}

function canClose(before: string | undefined, after: string | undefined): boolean {
  return !isSpace(before) && (isSpace(after) || isMark(after) || AFTER_CLOSING.test(after ?? ''));
}

/** A curly mark keeps its drawn direction unless its surroundings only allow the other one (typos). */
function roleOf(drawn: Glyph['drawn'], opens: boolean, closes: boolean): MarkRole | null {
  if (drawn === 'open') return closes && !opens ? 'close' : 'open';
  if (drawn === 'close') return opens && !closes ? 'open' : 'close';
  if (opens && !closes) return 'open';
  if (closes && !opens) return 'close';
  return opens ? 'either' : null;
}

/**
 * A straight double mark squeezed between words ("Hello"he said) is a missing space; after a digit it is
 * an inch mark (5"x7").
 */
function jammedRole(family: MarkFamily, before: string | undefined, after: string | undefined): MarkRole | null {
  const jammed = family === 'double' && !isSpace(before) && !isSpace(after);
  return jammed && !/^\p{N}$/u.test(before ?? '') ? 'either' : null;
}

function isApostrophe(
  text: string,
  afterOffset: number,
  end: number,
  before: string | undefined,
  after: string | undefined,
): boolean {
  if (WORD.test(before ?? '') && WORD.test(after ?? '')) return true;
  if (!WORD.test(before ?? '') && !isSpace(after)) {
    return ELISION.test(text.slice(afterOffset, Math.min(end, afterOffset + 7)));
  }
  return false;
}
