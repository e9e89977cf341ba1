import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnnotationStore } from '../annotations/annotationStore';
import { placeInArticle, readBratFolder } from '../annotations/bratFolder';
import type { AnnotationDraft } from '../annotations/annotationStore';
import type { Output } from './analyzeCommand';
import { readArticle } from './readArticle';

/**
 * `article-lens import <brat dir>`: each `.ann` file's items become the user's annotations of
 * the article of the same name (beside it, or in `--into`), written to that article's sidecar.
 */
export async function runImport(folder: string, options: { into?: string }, output: Output): Promise<number> {
  const store = new AnnotationStore({ writeRefusal: () => null, editorText: () => undefined, changed: () => undefined });
  let failed = 0;
  let imported = 0;
  const fail = (message: string): void => {
    failed++;
    output.stderr.write(`article-lens: ${message}\n`);
  };
  let documents;
  try {
    documents = readBratFolder(folder);
  } catch (error) {
    fail(`${folder}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (documents.length === 0) fail(`${folder}: no .ann files`);
  for (const document of documents) {
    document.problems.forEach(fail);
    const articlePath = join(options.into ?? folder, document.article);
    const read = readArticle(articlePath);
    if (!read.ok) {
      fail(`${articlePath}: ${read.message}`);
      continue;
    }
    const text = read.text.replace(/^\uFEFF/, '');
    const drafts: AnnotationDraft[] = [];
    for (const item of document.items) {
      const range = placeInArticle(document.text, item, text);
      if (range) drafts.push({ kind: item.kind, action: 'mark', name: item.name, range });
      else fail(`${document.annPath}: "${item.text}" (${item.kind}) is not in ${articlePath}`);
    }
    try {
      await store.add(pathToFileURL(resolve(articlePath)).toString(), text, drafts);
      imported += drafts.length;
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }
  output.stdout.write(`Imported ${imported} annotation${imported === 1 ? '' : 's'} from ${documents.length} brat file${documents.length === 1 ? '' : 's'}\n`);
  return failed > 0 ? 1 : 0;
}
