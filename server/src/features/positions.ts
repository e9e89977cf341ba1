import type { Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Article } from '../corpus/corpus';

const lineIndexes = new WeakMap<Article, TextDocument>();

/** Line/character positions in an article's analysed text (UTF-16, as LSP counts). */
function lines(article: Article): TextDocument {
  let document = lineIndexes.get(article);
  if (!document) {
    document = TextDocument.create(article.uri, 'article', article.version, article.text);
    lineIndexes.set(article, document);
  }
  return document;
}

export function rangeIn(article: Article, start: number, end: number): Range {
  const document = lines(article);
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function offsetIn(article: Article, position: Position): number {
  return lines(article).offsetAt(position);
}

export function lineOf(article: Article, offset: number): number {
  return lines(article).positionAt(offset).line;
}

/** The file name of an article's URI, for labels. */
export function articleName(uri: string): string {
  const path = uri.split(/[?#]/)[0] ?? uri;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || uri;
}
