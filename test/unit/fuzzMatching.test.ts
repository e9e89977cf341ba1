import { join } from 'node:path';
import { loadSeeds } from '../fuzz/articleText';
import { matchingCases } from '../fuzz/matchingCases';

describe('fuzzing quote matching (seeded)', function () {
  this.timeout(120_000);
  matchingCases(loadSeeds(join(__dirname, '../../..'))).forEach((fuzzCase, index) => {
    it(`${fuzzCase.name} (${fuzzCase.unitRuns.toLocaleString('en')} cases)`, () => fuzzCase.check(fuzzCase.unitRuns, 7_201 + index));
  });
});
