import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ExportFormat } from '../../../common/protocol';
import { BRAT_ANNOTATION_CONF, toBratAnn } from './brat';
import { toCsv } from './csv';
import type { ExportItem } from './exportItems';
import { writeAtomically } from './sidecarFile';
import { toW3cExport } from './w3cExport';

export interface ArticleExport {
  /** The article's path (or URI path): its file name names the exported files. */
  path: string;
  text: string;
  items: ExportItem[];
}

/**
 * Writes articles' items to `outDir`: brat (`<name>.txt` + `<name>.ann` per article and one
 * `annotation.conf`), W3C (`<file>.jsonld` per article) or CSV (one `annotations.csv`).
 * Returns the files written.
 */
export async function writeExport(articles: readonly ArticleExport[], format: ExportFormat, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const names = uniqueNames(articles.map(({ path }) => basename(path)));
  const written: string[] = [];
  const write = async (name: string, content: string): Promise<void> => {
    const file = join(outDir, name);
    await writeAtomically(file, content);
    written.push(file);
  };
  if (format === 'csv') {
    await write('annotations.csv', toCsv(articles.map(({ text, items }, index) => ({ article: names[index]!, text, items }))));
  } else if (format === 'w3c') {
    for (const [index, { text, items }] of articles.entries()) {
      await write(`${names[index]!}.jsonld`, `${JSON.stringify(toW3cExport(names[index]!, text, items), null, 2)}\n`);
    }
  } else {
    await write('annotation.conf', BRAT_ANNOTATION_CONF);
    for (const [index, { text, items }] of articles.entries()) {
      const stem = names[index]!.replace(/\.txt$/i, '');
      // brat's offsets point into this copy of the text, byte for byte the text that was analysed.
      await write(`${stem}.txt`, text);
      await write(`${stem}.ann`, toBratAnn(text, items));
    }
  }
  return written;
}

/** File names made unique by a numeric suffix before the extension: two `a.txt` become `a.txt` and `a-2.txt`. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    const dot = name.lastIndexOf('.');
    return dot > 0 ? `${name.slice(0, dot)}-${count}${name.slice(dot)}` : `${name}-${count}`;
  });
}
