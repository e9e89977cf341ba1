import type { Analysis } from '../engine';
import type { TextProblem } from '../textCheck';
import type { ArticleResult } from './articleAnalysis';
import type { PreparedArticle } from './matching/preparedArticle';

/** Where an article's current text comes from: an open editor wins over the file on disk. */
export type ArticleOrigin = 'editor' | 'disk';

export interface Article {
  readonly uri: string;
  readonly text: string;
  readonly origin: ArticleOrigin;
  /** The editor's version, or 0 for text read from disk. */
  readonly version: number;
  readonly analysis: Analysis | null;
  readonly problem: TextProblem | null;
  /** The quote matcher's input, prepared with the analysis (null: the matcher reads the text itself). */
  readonly matching: PreparedArticle | null;
  /** What the analysis follows from (see ArticleResult); null when there is none. */
  readonly fingerprint: string | null;
}

type Listener = (uri: string, article: Article | undefined) => void;

/** Every article in the workspace (open or not) with its analysis: the one store features read. */
export class Corpus {
  private readonly articles = new Map<string, Article>();
  private readonly listeners: Listener[] = [];

  onDidChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  set(uri: string, text: string, origin: ArticleOrigin, version: number, result: ArticleResult): Article {
    const article: Article = { uri, text, origin, version, analysis: result.analysis, problem: result.problem, matching: result.matching, fingerprint: result.fingerprint };
    this.articles.set(uri, article);
    this.listeners.forEach((listener) => listener(uri, article));
    return article;
  }

  delete(uri: string): void {
    if (!this.articles.delete(uri)) return;
    this.listeners.forEach((listener) => listener(uri, undefined));
  }

  get(uri: string): Article | undefined {
    return this.articles.get(uri);
  }

  all(): IterableIterator<Article> {
    return this.articles.values();
  }

  get size(): number {
    return this.articles.size;
  }
}
