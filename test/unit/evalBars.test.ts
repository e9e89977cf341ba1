import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { linkFinder } from '../../server/src/cli/links';
import { analyze } from '../../server/src/engine';
import { evaluateSeeds, type SeedsReport } from '../../scripts/eval/evaluateSeeds';
import { loadSeedsGold } from '../../scripts/eval/seedsGold';
import { formatErrors } from '../../scripts/eval/table';

const root = resolve(__dirname, '../../..');

// The bars for the seeds (the development set), as `npm run eval` measures them.
describe('engine quality on the seeds gold (npm run eval)', function () {
  // Analysing all seeds loads the NLP library first; mocha's 2 s default is too tight for that.
  this.timeout(60_000);
  let report: SeedsReport;
  before(() => {
    report = evaluateSeeds({
      seedsDir: join(root, 'seeds'),
      gold: loadSeedsGold(join(root, 'test', 'fixtures', 'seeds.gold.json')),
      analyze: (text) => analyze(text),
      linkFinder,
    });
  });
  const firstErrors = (category: 'quotes' | 'speakers' | 'outlets' | 'attributions') =>
    formatErrors([[category, report[category]]], 5);

  it('places every gold text in its article', () => {
    assert.deepEqual(report.warnings, []);
  });

  it('finds quotes with F1 >= 0.97', () => {
    assert.ok(report.quotes.f1 >= 0.97, `quotes F1 ${report.quotes.f1.toFixed(3)}\n${firstErrors('quotes')}`);
  });

  it('credits matched quotes to the right speaker >= 95% of the time', () => {
    assert.ok(report.speakers.total > 0, 'no matched quotes to judge');
    assert.ok(report.speakers.accuracy >= 0.95, `speaker accuracy ${report.speakers.accuracy.toFixed(3)}\n${firstErrors('speakers')}`);
  });

  it('finds outlet mentions with F1 >= 0.95', () => {
    assert.ok(report.outlets.f1 >= 0.95, `outlets F1 ${report.outlets.f1.toFixed(3)}\n${firstErrors('outlets')}`);
  });

  it('finds attributions with F1 >= 0.85', () => {
    assert.ok(report.attributions.f1 >= 0.85, `attributions F1 ${report.attributions.f1.toFixed(3)}\n${firstErrors('attributions')}`);
  });

  it('links the same quote across articles with pairwise F1 >= 0.95', () => {
    assert.ok(report.links, 'no link score');
    assert.ok(report.links.f1 >= 0.95, `links F1 ${report.links.f1.toFixed(3)}`);
  });
});
