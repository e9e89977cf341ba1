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
  const types = new Uint8Array(text.length);
  const modifiers = new Uint8Array(text.length);
  const paint = (start: number, end: number, type: TokenType, ...mods: TokenModifier[]): void => {
    const from = Math.max(0, start);
    const to = Math.min(text.length, end);
    if (from >= to) return;
    types.fill(TOKEN_TYPES.indexOf(type) + 1, from, to);
    modifiers.fill(mods.reduce((bits, mod) => bits | (1 << TOKEN_MODIFIERS.indexOf(mod)), 0), from, to);
  };

  for (const quote of analysis.quotes) {
    const mods: TokenModifier[] = [];
    if (quote.speaker === null) mods.push('unattributed');
    if (linkedQuoteIds.has(quote.id)) mods.push('linked');
    paint(quote.start, quote.end, 'quote', ...mods);
  }
  for (const attribution of analysis.attributions) paint(attribution.start, attribution.end, 'attribution');
  for (const attribution of analysis.attributions) paint(attribution.cue.start, attribution.cue.end, 'attribution', 'cue');
  for (const outlet of analysis.outlets) {
    for (const mention of outlet.mentions) paint(mention.start, mention.end, 'outlet');
  }
  for (const speaker of analysis.speakers) {
    const first = firstMention(speaker.mentions);
    if (first) paint(first.start, first.end, 'speaker', 'declaration');
    // Every other mention paints the same, so their order does not matter.
    for (const mention of speaker.mentions) if (mention !== first) paint(mention.start, mention.end, 'speaker');
  }

  const runs: TokenRun[] = [];
  let index = 0;
  let line = 0;
  let lineStart = 0;
  while (index < text.length) {
    if (isLineBreak(text, index)) {
      // "\r\n" is one break: its "\n" counts it.
      if (!(text.charCodeAt(index) === 13 && text.charCodeAt(index + 1) === 10)) {
        line++;
        lineStart = index + 1;
      }
      index++;
      continue;
    }
    const type = types[index]!;
    const bits = modifiers[index]!;
    let end = index + 1;
    while (end < text.length && types[end] === type && modifiers[end] === bits && !isLineBreak(text, end)) end++;
    if (type !== NONE) {
      runs.push({
        start: index,
        end,
        line,
        character: index - lineStart,
        type: TOKEN_TYPES[type - 1]!,
        modifiers: MODIFIERS_OF_BITS[bits] ?? [],
      });
    }
    index = end;
  }
  return runs;
}

/** The earliest mention (the first of those that start together). */
function firstMention<T extends { start: number }>(mentions: readonly T[]): T | undefined {
  let first: T | undefined;
  for (const mention of mentions) if (!first || mention.start < first.start) first = mention;
  return first;
}

function isLineBreak(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 10 || code === 13;
}
