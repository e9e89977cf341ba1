// `npm run eval`: scores the engine against the seeds gold, or with --polnear DIR against
// PolNeAR's brat files. Prints a table (or --json) and, with --errors N, the first N errors per category.
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { linkFinder } from '../server/src/cli/links';
import { analyze } from '../server/src/engine';
import { evaluatePolnear, type PolnearReport } from './eval/evaluateAttributionCorpus';
import { evaluateSeeds, type SeedsReport } from './eval/evaluateSeeds';
import { loadSeedsGold } from './eval/seedsGold';
import { formatErrors, formatScoreTable, type ScoreRow } from './eval/table';

// out/scripts/eval.js -> the repository root.
const root = join(__dirname, '..', '..');

interface EvalOptions {
  polnear?: string;
  gold: string;
  seeds: string;
  json?: boolean;
  errors: number;
}

function rowsOf(report: SeedsReport | PolnearReport): ScoreRow[] {
  if (report.corpus === 'polnear') {
    return [['quotes', report.quotes], ['speakers', report.speakers], ['cues', report.cues]];
  }
  return [
    ['quotes', report.quotes],
    ['speakers', report.speakers],
    ['outlets', report.outlets],
    ['attributions', report.attributions],
    ['links', report.links],
  ];
}

function errorCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new InvalidArgumentError('expected a whole number');
  return count;
}

function main(): void {
  const options = new Command('eval')
    .description('precision, recall and F1 of the engine per category')
    .option('--polnear <dir>', 'score against PolNeAR brat files (a folder with text/ and attributions/)')
    .option('--gold <file>', 'seeds gold file', join(root, 'test', 'fixtures', 'seeds.gold.json'))
    .option('--seeds <dir>', 'folder of the seed articles', join(root, 'seeds'))
    .option('--json', 'print the scores as JSON')
    .option('--errors <n>', 'print the first N errors of each category', errorCount, 0)
    .parse(process.argv)
    .opts<EvalOptions>();
  const report = options.polnear
    ? evaluatePolnear(options.polnear, (text) => analyze(text))
    : evaluateSeeds({ seedsDir: options.seeds, gold: loadSeedsGold(options.gold), analyze: (text) => analyze(text), linkFinder });
  const rows = rowsOf(report);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(reportJson(report, rows, options.errors), null, 2)}\n`);
    return;
  }
  const sections = [formatScoreTable(`${report.corpus} (${report.articles} articles)`, rows)];
  if (options.errors > 0) sections.push(formatErrors(rows, options.errors));
  if (report.warnings.length > 0) sections.push(`warnings:\n${report.warnings.map((warning) => `  ${warning}`).join('\n')}`);
  process.stdout.write(`${sections.join('\n\n')}\n`);
}

/** Scores by category, each with at most `limit` errors, so machines get scores, not pages of text. */
function reportJson(report: SeedsReport | PolnearReport, rows: readonly ScoreRow[], limit: number) {
  const scores = Object.fromEntries(rows.map(([category, score]) => [category, score && { ...score, errors: score.errors.slice(0, limit) }]));
  return { corpus: report.corpus, articles: report.articles, scores, warnings: report.warnings };
}

main();
