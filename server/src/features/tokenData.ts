import type { SemanticTokensEdit } from 'vscode-languageserver';
import type { Analysis } from '../engine';
import { visitTokenRuns } from './tokenRuns';

/** Numbers per token in LSP's encoding: line delta, start delta, length, type, modifier bits. */
const FIELDS = 5;

/**
 * Runs collected here first: a keystroke in a 100 KB article encodes thousands of tokens, and
 * an array grown token by token left several times its final size behind as garbage, each
 * keystroke, on the thread that answers the next one.
 */
let scratch = new Int32Array(FIELDS * 1024);

/**
 * The token runs of an analysis (`visitTokenRuns`) in LSP's relative encoding, as one array of
 * exactly the right length. Only runs that overlap `range` (text offsets), when given.
 */
export function encodeTokens(text: string, analysis: Analysis, linkedQuoteIds: ReadonlySet<string>, range?: { start: number; end: number }): number[] {
  let length = 0;
  let previousLine = 0;
  let previousCharacter = 0;
  visitTokenRuns(text, analysis, linkedQuoteIds, (start, end, line, character, type, modifierBits) => {
    if (range && (end <= range.start || start >= range.end)) return;
    if (length + FIELDS > scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[length] = line - previousLine;
    scratch[length + 1] = line === previousLine ? character - previousCharacter : character;
    scratch[length + 2] = end - start;
    scratch[length + 3] = type;
    scratch[length + 4] = modifierBits;
    length += FIELDS;
    previousLine = line;
    previousCharacter = character;
  });
  // A plain loop: Array.from over a typed array went through its iterator, an object per number.
  const data = new Array<number>(length);
  for (let index = 0; index < length; index++) data[index] = scratch[index] as number;
  return data;
}

/** The one edit that turns `previous` into `current`: what differs between their common start and common end. */
export function tokenEdits(previous: readonly number[], current: readonly number[]): SemanticTokensEdit[] {
  const shorter = Math.min(previous.length, current.length);
  let head = 0;
  while (head < shorter && previous[head] === current[head]) head++;
  if (head === previous.length && head === current.length) return [];
  let tail = 0;
  while (tail < shorter - head && previous[previous.length - 1 - tail] === current[current.length - 1 - tail]) tail++;
  return [{ start: head, deleteCount: previous.length - head - tail, data: current.slice(head, current.length - tail) }];
}
