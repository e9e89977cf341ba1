import { join } from 'node:path';
import { analyze } from '../../server/src/engine';
import { engineCases } from '../fuzz/engineCases';
import { loadSeeds } from '../fuzz/articleText';
import { assertAnalysisWellFormed } from '../fuzz/invariants';

// Seeded, so a failure fails the same way on every machine; `npm run fuzz` explores further.
describe('fuzzing the engine (seeded)', function () {
  this.timeout(120_000);
  engineCases(loadSeeds(join(__dirname, '../../..'))).forEach((fuzzCase, index) => {
    it(`${fuzzCase.name} (${fuzzCase.unitRuns.toLocaleString('en')} cases)`, () => fuzzCase.check(fuzzCase.unitRuns, 7_001 + index));
  });
});

describe('fuzz findings kept as examples', () => {
  it('cuts an unclosed quote longer than its limit between characters, never inside a surrogate pair', () => {
    // Found by fuzzing: the cut at a fixed length fell between the halves of an emoji.
    for (let pad = 0; pad < 5; pad++) {
      const text = `“${'a'.repeat(pad)}${'we 😀 '.repeat(400)}\n\nThe next paragraph.`;
      assertAnalysisWellFormed(text, analyze(text));
    }
  });
});
