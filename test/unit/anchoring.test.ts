import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editBetween, locate, mapThroughEdits, reanchor, textQuoteOf, type TextEdit } from '../../server/src/annotations/anchoring';
import { CodePoints } from '../../server/src/annotations/codePoints';
import type { TextRange } from '../../server/src/annotations/types';

/** Applies edits in order, each to the text the previous one left. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return edits.reduce((current, edit) => current.slice(0, edit.start) + edit.text + current.slice(edit.end), text);
}

const words = ['the', 'mayor', 'said', 'Trump', '“', '”', 'a', 'war', ',', '.', '\n', '\r\n', '😀', 'é', ' '];
const textArbitrary = fc.array(fc.constantFrom(...words), { minLength: 30, maxLength: 200 }).map((parts) => parts.join(' '));

/** A text with disjoint annotated ranges (never starting or ending inside a surrogate pair). */
const annotatedText = textArbitrary.chain((text) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: text.length }), { minLength: 2, maxLength: 12 })
    .map((cuts) => cuts.sort((a, b) => a - b))
    .map((cuts) => {
      const ranges: TextRange[] = [];
      for (let index = 0; index + 1 < cuts.length; index += 2) {
        const start = avoidPairMiddle(text, cuts[index]!);
        const end = avoidPairMiddle(text, cuts[index + 1]!);
        if (end > start && !ranges.some((range) => range.end > start)) ranges.push({ start, end });
      }
      return { text, ranges };
    })
    .filter(({ ranges }) => ranges.length > 0),
);

function avoidPairMiddle(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset + 1 : offset;
}

/** Random edits, each given as a position and an action; `allowed` says where an edit may go. */
const editSeeds = fc.array(fc.record({ at: fc.nat(), length: fc.nat({ max: 6 }), insert: fc.constantFrom('', 'x', 'said ', 'Trump', '😀', '\r\n', '“the”') }), { minLength: 1, maxLength: 8 });

describe('anchoring: selectors, code points and re-anchoring', () => {
  it('converts between UTF-16 offsets and code points around astral characters', () => {
    const text = 'a😀b\r\n😀😀c';
    const codePoints = new CodePoints(text);
    for (let utf16 = 0; utf16 <= text.length; utf16++) {
      const expected = Array.from(text.slice(0, utf16)).length;
      const inPair = utf16 > 0 && utf16 < text.length && text.charCodeAt(utf16) >= 0xdc00 && text.charCodeAt(utf16) <= 0xdfff;
      if (!inPair) {
        assert.equal(codePoints.fromUtf16(utf16), expected, `utf16 ${utf16}`);
        assert.equal(codePoints.toUtf16(expected), utf16, `code point ${expected}`);
      }
    }
  });

  it('keeps context in the quote selector without splitting a surrogate pair', () => {
    const text = `${'😀'.repeat(40)}Trump${'😀'.repeat(40)}`;
    const quote = textQuoteOf(text, { start: 80, end: 85 });
    assert.equal(quote.exact, 'Trump');
    assert.ok(!/^[\udc00-\udfff]/.test(quote.prefix) && !/[\ud800-\udbff]$/.test(quote.suffix), JSON.stringify(quote));
  });

  it('finds a moved quote by its context among several occurrences', () => {
    const before = 'Trump said no. Later Trump said yes.';
    const quote = textQuoteOf(before, { start: 21, end: 26 });
    const after = `Intro. ${before}`;
    assert.deepEqual(locate(after, quote, null), { start: 28, end: 33 });
  });

  it('leaves an ambiguous quote without any agreeing context unplaced', () => {
    assert.equal(locate('the cat and the dog', { exact: 'the', prefix: 'zzz', suffix: 'qqq' }, null), null);
  });

  it('maps through edits: text inserted at a boundary stays outside', () => {
    assert.deepEqual(mapThroughEdits({ start: 5, end: 10 }, [{ start: 5, end: 5, text: 'ab' }]), { start: 7, end: 12 });
    assert.deepEqual(mapThroughEdits({ start: 5, end: 10 }, [{ start: 10, end: 10, text: 'ab' }]), { start: 5, end: 10 });
    assert.equal(mapThroughEdits({ start: 5, end: 10 }, [{ start: 6, end: 7, text: '' }]), null);
  });

  it('property: random edits outside annotated spans re-anchor every annotation at its words', () => {
    fc.assert(
      fc.property(annotatedText, editSeeds, ({ text, ranges }, seeds) => {
        let current = text;
        let expected = ranges.map((range) => ({ ...range }));
        const edits: TextEdit[] = [];
        for (const seed of seeds) {
          // Gaps between annotations (boundaries included) are the places an edit may touch.
          const gaps: TextRange[] = [];
          let from = 0;
          for (const range of expected) {
            gaps.push({ start: from, end: range.start });
            from = range.end;
          }
          gaps.push({ start: from, end: current.length });
          const gap = gaps[seed.at % gaps.length]!;
          const start = avoidPairMiddle(current, gap.start + (seed.at % (gap.end - gap.start + 1)));
          const end = avoidPairMiddle(current, Math.min(gap.end, start + seed.length));
          const edit = { start, end: Math.max(start, end), text: seed.insert };
          edits.push(edit);
          current = applyEdits(current, [edit]);
          const delta = edit.text.length - (edit.end - edit.start);
          expected = expected.map((range) => (range.start >= edit.end ? { start: range.start + delta, end: range.end + delta } : range));
        }
        const anchors = ranges.map((range) => ({ quote: textQuoteOf(text, range), range }));
        assert.deepEqual(reanchor(anchors, current, edits), expected);
        // From the two texts alone (a file changed on disk) every annotation is placed on its words
        // or reported; after one edit, every one is placed.
        const fromTexts = reanchor(anchors, current, editBetween(text, current));
        fromTexts.forEach((range, index) => {
          if (edits.length === 1) assert.ok(range, `annotation ${index} lost after one edit`);
          if (range) assert.equal(current.slice(range.start, range.end), anchors[index]!.quote.exact);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('property: edits inside annotated spans never lose an annotation silently', () => {
    fc.assert(
      fc.property(annotatedText, editSeeds, ({ text, ranges }, seeds) => {
        let current = text;
        const edits: TextEdit[] = [];
        for (const seed of seeds) {
          const target = ranges[seed.at % ranges.length]!;
          const start = Math.min(current.length, avoidPairMiddle(current, target.start + (seed.at % (target.end - target.start))));
          const edit = { start, end: Math.min(current.length, avoidPairMiddle(current, start + seed.length)), text: seed.insert };
          edits.push(edit);
          current = applyEdits(current, [edit]);
        }
        const anchors = ranges.map((range) => ({ quote: textQuoteOf(text, range), range }));
        const placed = reanchor(anchors, current, edits);
        assert.equal(placed.length, anchors.length);
        placed.forEach((range, index) => {
          // Placed on the same words, or reported as unplaced (null): nothing else.
          if (range) assert.equal(current.slice(range.start, range.end), anchors[index]!.quote.exact);
        });
      }),
      { numRuns: 300 },
    );
  });
});
