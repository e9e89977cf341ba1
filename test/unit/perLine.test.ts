import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findCues } from '../../server/src/engine/cues';
import { findOutlets } from '../../server/src/engine/outlets';
import { findQuotes } from '../../server/src/engine/quotes';
import { perLine } from '../../server/src/engine/perLine';
import type { Span } from '../../server/src/engine/types';

/** A line-local stage for the tests: every "x" of a line, with the lines it was asked to read. */
function xFinder(): { find: (text: string) => Span[]; read: string[]; offsets: number[] } {
  const read: string[] = [];
  const offsets: number[] = [];
  const find = perLine(
    (text, lineStart, lineEnd) => {
      read.push(text.slice(lineStart, lineEnd));
      const found: Span[] = [];
      for (let at = text.indexOf('x', lineStart); at >= 0 && at < lineEnd; at = text.indexOf('x', at + 1)) found.push({ start: at, end: at + 1, text: 'x' });
      return found;
    },
    (span, offset) => {
      offsets.push(offset);
      return { start: span.start + offset, end: span.end + offset, text: span.text };
    },
  );
  return { find, read, offsets };
}

/** Each line of these texts is new to the engine's memories, as a line of a fresh article is. */
function freshLines(count: number, seed: number): string[] {
  return Array.from({ length: count }, (_, index) => `${seed}-${index}`);
}

describe('stages that read each distinct line or paragraph once (perLine, StretchMemory)', () => {
  it('finds in every line where the line stands, and reads a line again only until it has recurred', () => {
    const { find, read } = xFinder();
    const text = 'ax\nbx\r\n\nax\nxax';
    assert.deepEqual(find(text), [1, 4, 9, 11, 13].map((start) => ({ start, end: start + 1, text: 'x' })));
    // "ax" is read at its first and second sight, and remembered then: the third comes from memory, shifted.
    assert.deepEqual(read, ['ax', 'bx\r', 'ax', 'xax']);
    assert.deepEqual(find(`${text}\nax`).slice(-1), [{ start: 16, end: 17, text: 'x' }]);
    assert.deepEqual(read.slice(4), ['bx\r', 'xax']);
  });

  it('never shifts by minus zero, which would turn every span offset of the engine into a boxed double', () => {
    const { find, offsets } = xFinder();
    for (let time = 0; time < 3; time++) find('x\nax');
    assert.ok(offsets.length > 0);
    assert.ok(offsets.every((offset) => !Object.is(offset, -0)), String(offsets));
  });

  it('never remembers a very long line, which a text without line breaks would be', () => {
    const { find, read } = xFinder();
    const long = `${'a'.repeat(5_000)}x`;
    for (let time = 0; time < 3; time++) assert.deepEqual(find(long), [{ start: 5_000, end: 5_001, text: 'x' }]);
    assert.equal(read.length, 3);
  });

  it('finds the same cues, outlets and quotes in a line read from memory as in its first reading, wherever it stands', () => {
    const pieces = ['Smith', 'said', 'Said', 'according to', 'told reporters', 'The', 'Times', 'New York Times', 'CNN', 'Fox', 'the Post', 'it was', 'a plan', ' ', ' ', ', ', '. ', '"', '"', '“', '”', "'", '‘', '’', '-', '(', ')', '\u00a0', '\r', '😀'];
    let seed = 0;
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), (lineParts, order) => {
        seed += 1;
        const lines = lineParts.map((parts, index) => `${parts.join('')} ${freshLines(lineParts.length, seed)[index]}`);
        // The same lines again, in another order: their findings come from memory at new offsets.
        const again = lines.map((_, index) => lines[(order[index] ?? index) % lines.length] as string);
        const text = lines.join('\n');
        const shuffled = again.join('\n');
        const stages = (): unknown[] => [findCues(text), findCues(shuffled), findOutlets(text), findOutlets(shuffled), findQuotes(text), findQuotes(shuffled)];
        const first = stages();
        // Two more readings: the second remembers each line, the third reads it from memory.
        stages();
        assert.deepEqual(stages(), first);
        const firstCues = findCues(text);
        for (const cue of firstCues) assert.equal(text.slice(cue.start, cue.end), cue.text);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('reads a cue at the start of a text as at the start of any other line', () => {
    assert.deepEqual(findCues('- Said the minister.').map((cue) => cue.text), ['Said']);
    assert.deepEqual(findCues('Intro.\n- Said the minister.').map((cue) => cue.text), ['Said']);
  });
});
