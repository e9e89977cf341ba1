/** One benchmark figure and the bar it must meet. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  bar: string;
  /** Null when the figure is informational, with no bar. */
  passes: boolean | null;
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.name,
    `${formatValue(figure.value)} ${figure.unit}`.trim(),
    figure.bar,
    figure.passes === null ? '' : figure.passes ? 'ok' : 'MISSED',
  ]);
  const header = ['figure', 'value', 'bar', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
