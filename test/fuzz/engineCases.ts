import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine';
import { hostileText, longLine, mutatedSeed } from './articleText';
import type { FuzzCase } from './fuzzCase';
import { assertAnalysisWellFormed } from './invariants';

/** The engine never throws, is deterministic, and every span lies in the text on character boundaries. */
export function engineCases(seeds: readonly string[]): FuzzCase[] {
  return [
    {
      name: 'analyses random Unicode text without throwing: spans in range, on character boundaries, deterministic',
      unitRuns: 4_000,
      check: (numRuns, seed) =>
        fc.assert(
          fc.property(hostileText, (text) => {
            const analysis = analyze(text);
            assertAnalysisWellFormed(text, analysis);
            assert.deepEqual(analyze(text), analysis, 'a second analysis of the same text differs');
          }),
          { numRuns, seed },
        ),
    },
    {
      name: 'analyses mutated seed articles the same way',
      unitRuns: 1_000,
      check: (numRuns, seed) => {
        let found = 0;
        fc.assert(
          fc.property(mutatedSeed(seeds), (text) => {
            const analysis = analyze(text);
            assertAnalysisWellFormed(text, analysis);
            assert.deepEqual(analyze(text), analysis, 'a second analysis of the same text differs');
            found += analysis.quotes.length + analysis.attributions.length;
          }),
          { numRuns, seed },
        );
        // Mutated news still reads as news: the property was checked on real findings.
        assert.ok(found > numRuns, `only ${found} quotes and attributions found in ${numRuns} mutated seeds`);
      },
    },
    {
      name: 'analyses single lines of 5,000 to 40,000 code units',
      unitRuns: 12,
      check: (numRuns, seed) => fc.assert(fc.property(longLine, (text) => assertAnalysisWellFormed(text, analyze(text))), { numRuns, seed }),
    },
  ];
}
