import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnnotationStore } from '../annotations/annotationStore';
import type { Output } from './analyzeCommand';
import { expandArticlePaths } from './files';
import { readArticle } from './readArticle';

export interface ArticleInput {
  file: string;
  /** The file URI its sidecar annotations are kept under, as in the editor. */
  uri: string;
  text: string;
}

/** Failures named on stderr as they happen, and counted for the exit code. */
export class FailureLog {
  count = 0;

  constructor(private readonly output: Output) {}

  fail(path: string, message: string): void {
    this.count++;
    this.output.stderr.write(`article-lens: ${path}: ${message}\n`);
  }
}

/** Expands files and folders and reads each article; what cannot be read is logged and skipped. */
export function readArticleInputs(paths: readonly string[], failures: FailureLog): ArticleInput[] {
  const inputs: ArticleInput[] = [];
  for (const entry of expandArticlePaths(paths)) {
    if (entry.kind === 'error') {
      failures.fail(entry.path, entry.message);
      continue;
    }
    const read = readArticle(entry.file);
    if (!read.ok) {
      failures.fail(entry.file, read.message);
      continue;
    }
    inputs.push({ file: entry.file, uri: pathToFileURL(resolve(entry.file)).toString(), text: read.text });
  }
  return inputs;
}

/** A store that only reads sidecars: the CLI applies the user's annotations and never changes them. */
export function readOnlyAnnotations(): AnnotationStore {
  return new AnnotationStore({ writeRefusal: () => 'read-only', editorText: () => undefined, changed: () => undefined });
}
