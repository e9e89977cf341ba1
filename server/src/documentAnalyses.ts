import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArticleAnalyzer } from './corpus/articleAnalysis';
import type { Article, Corpus } from './corpus/corpus';
import type { DocumentSettings } from './settings';

/**
 * Brings open documents into the corpus: each version is analysed once, and features that
 * ask for a document get the analysis of the version they see.
 */
export class DocumentAnalyses {
  private readonly pending = new Map<string, { version: number; article: Promise<Article> }>();

  constructor(
    private readonly corpus: Corpus,
    private readonly analyzer: ArticleAnalyzer,
    private readonly settings: DocumentSettings,
  ) {}

  get(document: TextDocument): Promise<Article> {
    const pending = this.pending.get(document.uri);
    if (pending && pending.version === document.version) return pending.article;
    const current = this.corpus.get(document.uri);
    if (current && current.origin === 'editor' && current.version === document.version) return Promise.resolve(current);
    const article = this.analyse(document);
    this.pending.set(document.uri, { version: document.version, article });
    void article.finally(() => {
      if (this.pending.get(document.uri)?.article === article) this.pending.delete(document.uri);
    });
    return article;
  }

  /** Analyses the document's current version again (its annotations changed). */
  reanalyse(document: TextDocument): Promise<Article> {
    const article = this.analyse(document);
    this.pending.set(document.uri, { version: document.version, article });
    void article.finally(() => {
      if (this.pending.get(document.uri)?.article === article) this.pending.delete(document.uri);
    });
    return article;
  }

  forget(uri: string): void {
    this.pending.delete(uri);
  }

  private async analyse(document: TextDocument): Promise<Article> {
    // Read the text before awaiting: the document object is updated in place by later edits.
    const text = document.getText();
    const { uri, version } = document;
    const { maxFileSize } = await this.settings.get(uri);
    const latest = this.corpus.get(uri);
    // A slower, older analysis must not overwrite a newer one.
    if (latest && latest.origin === 'editor' && latest.version > version) return latest;
    return this.corpus.set(uri, text, 'editor', version, this.analyzer.analyse(uri, text, maxFileSize));
  }
}
