import { spanHash } from './spanHash';
import type { Span } from './types';

/** Characters of lines remembered at most: past it every line is forgotten and memory starts afresh. */
const REMEMBERED_CHARACTERS = 2_000_000;
/** Lines longer than this are read each time: a text without line breaks must not fill the memory alone. */
const LONGEST_REMEMBERED_LINE = 4_000;
const MAX_SEEN_ONCE = 100_000;

/**
 * Runs a line-local stage over a whole text, line by line, reading each distinct line once.
 * `find(text, lineStart, lineEnd)` returns what the stage finds in that line, in the text's
 * offsets, each with its stretch of the text as `text`, and must depend on the line's own
 * characters only: then a line that recurs (an edit
 * leaves most lines as they were; archives repeat wire copy and boilerplate) gets the findings
 * of its first reading, moved with `shift` to where it stands now.
 */
export function perLine<T extends Span>(find: (text: string, lineStart: number, lineEnd: number) => T[], shift: (found: T, offset: number) => T): (text: string) => T[] {
  const remembered = new Map<string, readonly T[]>();
  let rememberedCharacters = 0;
  const remember = (line: string, found: readonly T[], lineStart: number): void => {
    if (line.length > LONGEST_REMEMBERED_LINE) return;
    if (rememberedCharacters + line.length > REMEMBERED_CHARACTERS) {
      remembered.clear();
      rememberedCharacters = 0;
    }
    // Copies of their own: a slice of the text, as the line and each finding's text are, keeps the whole text alive.
    const ownLine = ` ${line}`.slice(1);
    const moved = found.map((each) => {
      const kept = shift(each, -lineStart);
      kept.text = ownLine.slice(kept.start, kept.end);
      return kept;
    });
    remembered.set(ownLine, moved);
    rememberedCharacters += line.length;
  };
  // Hashes of lines read once: a line is remembered at its second reading, so that texts whose lines never recur pay no copies.
  const seenOnce = new Set<number>();
  return (text) => {
    const all: T[] = [];
    let lineStart = 0;
    while (lineStart < text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 ? text.length : newline;
      if (lineEnd > lineStart) {
        const line = text.slice(lineStart, lineEnd);
        const known = remembered.get(line);
        if (known === undefined) {
          const found = find(text, lineStart, lineEnd);
          const hash = spanHash(text, lineStart, lineEnd, false);
          if (seenOnce.has(hash)) remember(line, found, lineStart);
          else {
            if (seenOnce.size >= MAX_SEEN_ONCE) seenOnce.clear();
            seenOnce.add(hash);
          }
          all.push(...found);
        } else {
          for (const each of known) all.push(shift(each, lineStart));
        }
      }
      lineStart = lineEnd + 1;
    }
    return all;
  };
}
