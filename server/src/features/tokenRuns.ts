import { TOKEN_MODIFIERS, TOKEN_TYPES, type TokenModifier, type TokenType } from '../../../common/protocol';
import type { Analysis } from '../engine';

/** One coloured stretch of a line: what a semantic token says, in text offsets. */
export interface TokenRun {
  start: number;
  end: number;
  /** Where `start` is as LSP counts (zero-based line, UTF-16 character), line breaks being \n, \r\n or \r. */
  line: number;
  character: number;
  type: TokenType;
  modifiers: readonly TokenModifier[];
}

const NONE = 0;
/** Bits of a look that hold the modifiers (see `tokenRuns`). */
const MODIFIER_BITS = TOKEN_MODIFIERS.length;

/** The modifiers of each combination of modifier bits, shared by every run that has them: typing in a long article asks for thousands of runs per keystroke. */
const MODIFIERS_OF_BITS: readonly (readonly TokenModifier[])[] = Array.from({ length: 1 << TOKEN_MODIFIERS.length }, (_unused, bits) =>
  Object.freeze(TOKEN_MODIFIERS.filter((_modifier, bit) => (bits & (1 << bit)) !== 0)),
);

/**
 * Flattens an analysis into non-overlapping runs that never cross a line break.
 * Later layers paint over earlier ones: quote, then the attribution's whole span, then its
 * cue, then the speaker and outlet mentions, so "Fox News reports" reads as an outlet
 * followed by a cue, and both together tile the attribution.
 */
export function tokenRuns(text: string, analysis: Analysis, linkedQuoteIds: ReadonlySet<string> = new Set()): TokenRun[] {
  const runs: TokenRun[] = [];
  visitTokenRuns(text, analysis, linkedQuoteIds, (start, end, line, character, type, modifierBits) =>
    runs.push({ start, end, line, character, type: TOKEN_TYPES[type] as TokenType, modifiers: MODIFIERS_OF_BITS[modifierBits] ?? [] }),
  );
  return runs;
}

/**
 * `tokenRuns` as numbers, in order, without an object per run (a keystroke in a long article
 * asks for thousands): `type` indexes TOKEN_TYPES, and bit i of `modifierBits` stands for
 * TOKEN_MODIFIERS[i], as the semantic tokens legend numbers them.
 */
export function visitTokenRuns(
  text: string,
  analysis: Analysis,
  linkedQuoteIds: ReadonlySet<string>,
  visit: (start: number, end: number, line: number, character: number, type: number, modifierBits: number) => void,
): void {
  const looks = scratchLooks(text.length);
  const paint = (start: number, end: number, look: number): void => {
    const from = Math.max(0, start);
    const to = Math.min(text.length, end);
    if (from < to) looks.fill(look, from, to);
  };

  for (const quote of analysis.quotes) {
    const bits = (quote.speaker === null ? BIT.unattributed : 0) | (linkedQuoteIds.has(quote.id) ? BIT.linked : 0);
    paint(quote.start, quote.end, LOOK.quote | bits);
  }
  for (const attribution of analysis.attributions) paint(attribution.start, attribution.end, LOOK.attribution);
  for (const attribution of analysis.attributions) paint(attribution.cue.start, attribution.cue.end, LOOK.attribution | BIT.cue);
  for (const outlet of analysis.outlets) {
    for (const mention of outlet.mentions) paint(mention.start, mention.end, LOOK.outlet);
  }
  for (const speaker of analysis.speakers) {
    const first = firstMention(speaker.mentions);
    if (first) paint(first.start, first.end, LOOK.speaker | BIT.declaration);
    // Every other mention paints the same, so their order does not matter.
    for (const mention of speaker.mentions) if (mention !== first) paint(mention.start, mention.end, LOOK.speaker);
  }

  // Lines are found with `indexOf` rather than by reading every character.
  let newline = text.indexOf('\n');
  let carriageReturn = text.indexOf('\r');
  let lineStart = 0;
  for (let line = 0; ; line++) {
    if (newline >= 0 && newline < lineStart) newline = text.indexOf('\n', lineStart);
    if (carriageReturn >= 0 && carriageReturn < lineStart) carriageReturn = text.indexOf('\r', lineStart);
    const lineEnd = newline < 0 ? (carriageReturn < 0 ? text.length : carriageReturn) : carriageReturn < 0 ? newline : Math.min(newline, carriageReturn);
    let index = lineStart;
    while (index < lineEnd) {
      const look = looks[index] as number;
      let end = index + 1;
      while (end < lineEnd && looks[end] === look) end++;
      if (look !== NONE) visit(index, end, line, index - lineStart, (look >> MODIFIER_BITS) - 1, look & ((1 << MODIFIER_BITS) - 1));
      index = end;
    }
    if (lineEnd === text.length) return;
    // "\r\n" is one break.
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
}

/**
 * Each code unit's look: its token type + 1 (0: none) in the high bits, its modifier bits in the
 * low ones. One buffer serves every call, as calls never nest (visitors only record what they
 * are given): a fresh one per keystroke in a 100 KB article was 100 KB outside the heap, given
 * back only once a collection reached the array that held it.
 */
let looksBuffer = new Uint8Array(0);

/** `length` cleared looks, from the shared buffer. */
function scratchLooks(length: number): Uint8Array {
  if (looksBuffer.length < length) looksBuffer = new Uint8Array(length);
  const looks = looksBuffer.subarray(0, length);
  looks.fill(NONE);
  return looks;
}

/** The look of each token type without modifiers. */
const LOOK = Object.fromEntries(TOKEN_TYPES.map((type, index) => [type, (index + 1) << MODIFIER_BITS])) as Record<TokenType, number>;

/** Each modifier's bit, as the legend numbers them. */
const BIT = Object.fromEntries(TOKEN_MODIFIERS.map((modifier, index) => [modifier, 1 << index])) as Record<TokenModifier, number>;

/** The earliest mention (the first of those that start together). */
function firstMention<T extends { start: number }>(mentions: readonly T[]): T | undefined {
  let first: T | undefined;
  for (const mention of mentions) if (!first || mention.start < first.start) first = mention;
  return first;
}
