import { CodePoints } from './codePoints';
import type { ExportItem } from './exportItems';

export const CSV_HEADER = ['article', 'kind', 'start', 'end', 'text', 'name', 'origin'] as const;

/** RFC 4180 rows, offsets in code points (as brat and W3C count them); CRLF line ends. */
export function toCsv(articles: readonly { article: string; text: string; items: readonly ExportItem[] }[]): string {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const { article, text, items } of articles) {
    const codePoints = new CodePoints(text);
    for (const item of items) {
      rows.push([article, item.kind, String(codePoints.fromUtf16(item.start)), String(codePoints.fromUtf16(item.end)), item.text, item.name ?? '', item.origin]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
