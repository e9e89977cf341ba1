import { StretchMemory } from './stretchMemory';
import type { Span } from './types';
import { packedMap } from './packedMap';

/**
 * Runs a line-local stage over a whole text, line by line, reading each distinct line once.
 * `find(text, lineStart, lineEnd)` returns what the stage finds in that line, in the text's
 * offsets, each with its stretch of the text as `text`, and must depend on the line's own
 * characters only: then a line that recurs gets the findings of an earlier reading, moved with
 * `shift` to where it stands now (see StretchMemory).
 */
export function perLine<T extends Span>(find: (text: string, lineStart: number, lineEnd: number) => T[], shift: (found: T, offset: number) => T): (text: string) => T[] {
  const memory = new StretchMemory<readonly T[]>();
  return (text) => {
    const all: T[] = [];
    let lineStart = 0;
    while (lineStart < text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 ? text.length : newline;
      if (lineEnd > lineStart) {
        const line = text.slice(lineStart, lineEnd);
        const known = memory.recall(line);
        if (known === undefined) {
          const found = find(text, lineStart, lineEnd);
          // 0 - lineStart, never -lineStart: at the text's start that is -0, no small integer, and
          // one span holding it made V8 keep every span's offsets as boxed doubles from then on.
          memory.offer(line, (ownLine) => packedMap(found, (each) => kept(shift(each, 0 - lineStart), ownLine)));
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

/** A finding moved to its line's own offsets, its text cut from the line's own copy. */
function kept<T extends Span>(found: T, ownLine: string): T {
  found.text = ownLine.slice(found.start, found.end);
  return found;
}
