import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExportFormat } from '../../../common/protocol';
import { AnnotationStore } from '../annotations/annotationStore';
import { exportItems } from '../annotations/exportItems';
import { writeExport, type ArticleExport } from '../annotations/exportWriter';
import { analyze } from '../engine';
import type { Output } from './analyzeCommand';
import { expandArticlePaths } from './files';
import { readArticle } from './readArticle';

/** A store that only reads sidecars: exporting never changes them. */
export function readOnlyAnnotations(): AnnotationStore {
  return new AnnotationStore({ writeRefusal: () => 'read-only', editorText: () => undefined, changed: () => undefined });
}

/**
 * `article-lens export`: every article's analysis with the user's annotations (its sidecar)
 * applied, written to `outDir` in one format. Returns the exit code.
 */
export async function runExport(paths: readonly string[], options: { format: ExportFormat; out: string }, output: Output): Promise<number> {
  const annotations = readOnlyAnnotations();
  const articles: ArticleExport[] = [];
  let failed = 0;
  const fail = (path: string, message: string): void => {
    failed++;
    output.stderr.write(`article-lens: ${path}: ${message}\n`);
  };
  for (const entry of expandArticlePaths(paths)) {
    if (entry.kind === 'error') {
      fail(entry.path, entry.message);
      continue;
    }
    const read = readArticle(entry.file);
    if (!read.ok) {
      fail(entry.file, read.message);
      continue;
    }
    // The editor drops a BOM, and the sidecar's offsets are the editor's.
    const text = read.text.replace(/^\uFEFF/, '');
    const uri = pathToFileURL(resolve(entry.file)).toString();
    const problem = annotations.problem(uri);
    if (problem) {
      fail(entry.file, problem);
      continue;
    }
    const placed = annotations.placed(uri, text);
    const analysis = annotations.overlay(uri, text, analyze(text));
    for (const { annotation } of placed.filter(({ range }) => range === null)) {
      output.stderr.write(`article-lens: ${entry.file}: annotation "${annotation.quote.exact}" (${annotation.kind}) could not be placed in the current text; left out\n`);
    }
    articles.push({ path: entry.file, text, items: exportItems(analysis, placed) });
  }
  const files = await writeExport(articles, options.format, options.out);
  output.stdout.write(`Exported ${articles.length} article${articles.length === 1 ? '' : 's'} as ${options.format} to ${options.out} (${files.length} files)\n`);
  return failed > 0 ? 1 : 0;
}
