import type { ExportFormat } from '../../../common/protocol';
import { exportItems } from '../annotations/exportItems';
import { writeExport, type ArticleExport } from '../annotations/exportWriter';
import { analyze } from '../engine';
import type { Output } from './analyzeCommand';
import { FailureLog, readArticleInputs, readOnlyAnnotations } from './articleInputs';

/**
 * `article-lens export`: every article's analysis with the user's annotations (its sidecar)
 * applied, written to `outDir` in one format. Returns the exit code.
 */
export async function runExport(paths: readonly string[], options: { format: ExportFormat; out: string }, output: Output): Promise<number> {
  const annotations = readOnlyAnnotations();
  const articles: ArticleExport[] = [];
  const failures = new FailureLog(output);
  for (const { file, uri, text: asRead } of readArticleInputs(paths, failures)) {
    // The editor drops a BOM, and the sidecar's offsets are the editor's.
    const text = asRead.replace(/^\uFEFF/, '');
    const problem = annotations.problem(uri);
    if (problem) {
      failures.fail(file, problem);
      continue;
    }
    const placed = annotations.placed(uri, text);
    const analysis = annotations.overlay(uri, text, analyze(text));
    for (const { annotation } of placed.filter(({ range }) => range === null)) {
      output.stderr.write(`article-lens: ${file}: annotation "${annotation.quote.exact}" (${annotation.kind}) could not be placed in the current text; left out\n`);
    }
    articles.push({ path: file, text, items: exportItems(analysis, placed) });
  }
  const files = await writeExport(articles, options.format, options.out);
  output.stdout.write(`Exported ${articles.length} article${articles.length === 1 ? '' : 's'} as ${options.format} to ${options.out} (${files.length} files)\n`);
  return failures.count > 0 ? 1 : 0;
}
