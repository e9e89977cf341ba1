import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine';
import type { Analysis, Span } from '../../server/src/engine/types';
import { tokenRuns } from '../../server/src/features/tokenRuns';
import { hostileText } from './articleText';
import type { FuzzCase } from './fuzzCase';
import { assertTokenRunsWellFormed } from './invariants';

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(Math.max(0, start), Math.max(0, end)) });

/** An analysis with arbitrary, overlapping, even out-of-range spans: tokenRuns must cope with whatever overlays hand it. */
function arbitraryAnalysis(text: string): fc.Arbitrary<Analysis> {
  const bound = text.length + 4;
  const range = fc.tuple(fc.integer({ min: -3, max: bound }), fc.integer({ min: 0, max: 60 })).map(([start, length]) => span(text, start, start + length));
  return fc.record({
    quotes: fc.array(fc.tuple(range, fc.boolean()), { maxLength: 6 }).map((entries) =>
      entries.map(([quote, credited], index) => ({
        ...quote,
        id: `q${index}`,
        style: 'double' as const,
        speaker: credited ? 'Someone' : null,
        source: null,
        cue: null,
        attribution: null,
        continued: false,
      })),
    ),
    attributions: fc.array(fc.tuple(range, range, range), { maxLength: 6 }).map((entries) =>
      entries.map(([whole, mention, cue]) => ({ ...whole, source: 'Someone', kind: 'speaker' as const, mention, cue })),
    ),
    outlets: fc.array(fc.array(range, { minLength: 1, maxLength: 3 }), { maxLength: 3 }).map((lists) => lists.map((mentions, index) => ({ name: `Outlet ${index}`, mentions }))),
    speakers: fc.array(fc.array(range, { minLength: 1, maxLength: 4 }), { maxLength: 3 }).map((lists) =>
      lists.map((mentions, index) => ({ name: `Speaker ${index}`, kind: 'person' as const, aliases: [], mentions })),
    ),
  });
}

/** Every span of the analysis, clipped to the text, with the token type it paints. */
function paintedSpans(text: string, analysis: Analysis): { start: number; end: number; type: string }[] {
  const clip = (type: string) => (value: { start: number; end: number }) => ({ start: Math.max(0, value.start), end: Math.min(text.length, value.end), type });
  return [
    ...analysis.quotes.map(clip('quote')),
    ...analysis.attributions.flatMap((attribution) => [attribution, attribution.cue]).map(clip('attribution')),
    ...analysis.outlets.flatMap((outlet) => outlet.mentions).map(clip('outlet')),
    ...analysis.speakers.flatMap((speaker) => speaker.mentions).map(clip('speaker')),
  ];
}

/** Token runs are sorted, disjoint, split no character or line, and colour exactly what the analysis paints. */
export function tokenRunCases(): FuzzCase[] {
  return [
    {
      name: 'turns analyses of random Unicode text into sorted, disjoint runs that split no character or line',
      unitRuns: 2_000,
      check: (numRuns, seed) =>
        fc.assert(
          fc.property(hostileText, fc.array(fc.nat(8), { maxLength: 4 }), (text, linked) => {
            const analysis = analyze(text);
            const runs = tokenRuns(text, analysis, new Set(linked.map((index) => `q${index}`)));
            assertTokenRunsWellFormed(text, runs);
            // Every quote, mention and cue the engine found is coloured somewhere.
            for (const painted of paintedSpans(text, analysis)) {
              if (/^[\r\n]*$/.test(text.slice(painted.start, painted.end))) continue;
              assert.ok(runs.some((run) => run.start < painted.end && run.end > painted.start), `${JSON.stringify(painted)} has no token`);
            }
          }),
          { numRuns, seed },
        ),
    },
    {
      name: 'colours exactly the painted code units of arbitrary analyses (overlapping and out-of-range spans)',
      unitRuns: 2_000,
      check: (numRuns, seed) => {
        const textAndAnalysis = fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).chain((base) => {
          const text = base.replace(/[xyz]/g, '\n').replace(/w/g, '\r\n');
          return fc.tuple(fc.constant(text), arbitraryAnalysis(text));
        });
        fc.assert(
          fc.property(textAndAnalysis, ([text, analysis]) => {
            const runs = tokenRuns(text, analysis);
            assertTokenRunsWellFormed(text, runs);
            const painted = paintedSpans(text, analysis);
            for (let offset = 0; offset < text.length; offset++) {
              const lineBreak = text[offset] === '\n' || text[offset] === '\r';
              const run = runs.find((candidate) => candidate.start <= offset && offset < candidate.end);
              const covering = painted.filter((entry) => entry.start <= offset && offset < entry.end);
              if (lineBreak || covering.length === 0) {
                assert.equal(run, undefined, `offset ${offset} is coloured but nothing paints it`);
              } else {
                assert.ok(run, `offset ${offset} is painted but has no token`);
                assert.ok(covering.some((entry) => entry.type === run.type), `offset ${offset} is a ${run.type} but no ${run.type} span covers it`);
              }
            }
          }),
          { numRuns, seed },
        );
      },
    },
  ];
}
