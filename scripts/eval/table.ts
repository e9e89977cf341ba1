import type { EvalError, Score } from './metrics';

/** A row of the printed table: a category and its score, or null when it cannot be measured yet. */
export type ScoreRow = readonly [category: string, score: Score | null];

const number = (value: number) => value.toFixed(3);

/** The plain-text table: category, P, R, F1 and the counts behind them. */
export function formatScoreTable(title: string, rows: readonly ScoreRow[]): string {
  const width = Math.max(12, ...rows.map(([category]) => category.length + 2));
  const lines = [title, `${'category'.padEnd(width)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}  counts`];
  for (const [category, score] of rows) {
    if (score === null) lines.push(`${category}: not available`);
    else if (score.kind === 'prf') {
      const counts = `tp ${score.tp}  fp ${score.fp}  fn ${score.fn}`;
      lines.push(`${category.padEnd(width)}${number(score.precision).padStart(7)}${number(score.recall).padStart(7)}${number(score.f1).padStart(7)}  ${counts}`);
    } else {
      lines.push(`${category.padEnd(width)}${'accuracy'.padStart(14)}${number(score.accuracy).padStart(7)}  ${score.correct}/${score.total} correct`);
    }
  }
  return lines.join('\n');
}

/** The first `limit` errors of each category, to show where the engine goes wrong. */
export function formatErrors(rows: readonly ScoreRow[], limit: number): string {
  const lines: string[] = [];
  for (const [category, score] of rows) {
    if (score === null || score.errors.length === 0) continue;
    lines.push(`${category}: ${score.errors.length} errors${score.errors.length > limit ? `, first ${limit}` : ''}`);
    lines.push(...score.errors.slice(0, limit).map((error) => `  ${describe(error)}`));
  }
  return lines.join('\n');
}

function describe(error: EvalError): string {
  const text = error.text.replace(/\s+/g, ' ');
  const shown = text.length > 90 ? `${text.slice(0, 89)}…` : text;
  return `${error.kind.padEnd(8)} ${error.file}: “${shown}”${error.detail ? ` (${error.detail})` : ''}`;
}
