// `npm run fuzz -- --runs 100000 --seed 42`: the unit suite's fuzz properties (engine, token runs,
// quote matching) with a bigger budget and a chosen seed, shared out in the unit suite's proportions.
// A failure prints fast-check's counterexample with the seed and path that replay it.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSeeds } from '../test/fuzz/articleText';
import { engineCases } from '../test/fuzz/engineCases';
import type { FuzzCase } from '../test/fuzz/fuzzCase';
import { matchingCases } from '../test/fuzz/matchingCases';
import { tokenRunCases } from '../test/fuzz/tokenRunCases';

// out/scripts/fuzz.js -> the repository root.
const root = join(__dirname, '..', '..');

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string', default: String(Date.now() % 1_000_000) } } });
const totalRuns = Number(values.runs);
const baseSeed = Number(values.seed);
if (!Number.isInteger(totalRuns) || totalRuns < 1 || !Number.isInteger(baseSeed)) {
  console.error('usage: node out/scripts/fuzz.js [--runs N] [--seed N]');
  process.exit(2);
}

const seeds = loadSeeds(root);
const cases: FuzzCase[] = [...engineCases(seeds), ...tokenRunCases(), ...matchingCases(seeds)];
const unitTotal = cases.reduce((sum, fuzzCase) => sum + fuzzCase.unitRuns, 0);

console.log(`fuzzing ${totalRuns.toLocaleString('en')} cases, seed ${baseSeed}`);
let ran = 0;
let failed = 0;
for (const [index, fuzzCase] of cases.entries()) {
  const runs = Math.max(1, Math.round((totalRuns * fuzzCase.unitRuns) / unitTotal));
  const seed = baseSeed + index;
  const started = Date.now();
  try {
    fuzzCase.check(runs, seed);
    console.log(`  ok   ${runs.toLocaleString('en').padStart(7)} × ${fuzzCase.name} (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed += 1;
    console.log(`  FAIL ${runs.toLocaleString('en').padStart(7)} × ${fuzzCase.name} (seed ${seed})`);
    console.log(error instanceof Error ? error.message : String(error));
  }
  ran += runs;
}
console.log(`\nfuzz: ${ran.toLocaleString('en')} cases in ${cases.length} properties, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
