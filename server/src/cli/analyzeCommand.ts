import { analyze } from '../engine';
import { FailureLog, readArticleInputs, readOnlyAnnotations } from './articleInputs';
import { articleJson, type AnalysisJson } from './json';
import { linkFinder, type AnalysedArticle } from './links';
import { createPalette, wantsColour } from './palette';
import { formatReport } from './report';

export interface AnalyzeCommandOptions {
  json: boolean;
}

/** Where the command writes; the process streams in the CLI, buffers in tests. */
export interface Output {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** `article-lens analyze`: reports every readable file, names every unreadable one. Returns the exit code. */
export function runAnalyze(paths: readonly string[], options: AnalyzeCommandOptions, output: Output): number {
  const articles: AnalysedArticle[] = [];
  // The user's annotations (sidecar files) override the engine here as in the editor.
  const annotations = readOnlyAnnotations();
  const failures = new FailureLog(output);
  for (const { file, uri, text } of readArticleInputs(paths, failures)) {
    try {
      const problem = annotations.problem(uri);
      if (problem) output.stderr.write(`article-lens: ${problem}\n`);
      articles.push({ file, text, analysis: annotations.overlay(uri, text, analyze(text)) });
    } catch (error) {
      // One article the engine cannot handle must not cost the reports of the others.
      failures.fail(file, `analysis failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (options.json) {
    const json: AnalysisJson = {
      version: 1,
      articles: articles.map((article) => articleJson(article.file, article.analysis)),
      links: linkFinder(articles),
    };
    output.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const paint = createPalette(wantsColour(output.stdout, output.env));
    const reports = articles.map((article) => formatReport(article.file, article.analysis, paint));
    if (reports.length > 0) output.stdout.write(`${reports.join('\n\n')}\n`);
  }
  return failures.count > 0 ? 1 : 0;
}
