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
  /** Bumped when a document is closed or its settings change: analyses begun before then are stale. */
  private readonly epochs = new Map<string, number>();

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
    this.epochs.set(uri, (this.epochs.get(uri) ?? 0) + 1);
  }

  private async analyse(document: TextDocument): Promise<Article> {
    // Read the text before awaiting: the document object is updated in place by later edits.
    const text = document.getText();
    const { uri, version } = document;
    const epoch = this.epochs.get(uri) ?? 0;
    const { maxFileSize } = await this.settings.get(uri);
    // Typing outruns analysis of a long article: versions already overtaken are never analysed.
    const newer = this.pending.get(uri);
    if (newer && newer.version > version) return newer.article;
    // Off this thread, ahead of any files being indexed: a long article must not stall other requests.
    const result = await this.analyzer.analyseInBackground(uri, text, maxFileSize, true);
    // Closed meanwhile: putting the editor's text back would leave a ghost article in the corpus.
    if ((this.epochs.get(uri) ?? 0) !== epoch) return { uri, text, origin: 'editor', version, ...result };
    const latest = this.corpus.get(uri);
    // A slower, older analysis must not overwrite a newer one.
    if (latest && latest.origin === 'editor' && latest.version > version) return latest;
    return this.corpus.set(uri, text, 'editor', version, result);
  }
}
