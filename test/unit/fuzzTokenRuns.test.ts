import { tokenRunCases } from '../fuzz/tokenRunCases';

describe('fuzzing semantic token runs (seeded)', function () {
  this.timeout(120_000);
  tokenRunCases().forEach((fuzzCase, index) => {
    it(`${fuzzCase.name} (${fuzzCase.unitRuns.toLocaleString('en')} cases)`, () => fuzzCase.check(fuzzCase.unitRuns, 7_101 + index));
  });
});
