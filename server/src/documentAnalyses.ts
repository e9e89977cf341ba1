import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from './engine';
import type { DocumentSettings } from './settings';
import { checkArticleText, type TextProblem } from './textCheck';

export type DocumentAnalysis =
  | { readonly uri: string; readonly version: number; readonly analysis: Analysis; readonly problem: null }
  | { readonly uri: string; readonly version: number; readonly analysis: null; readonly problem: TextProblem };

type Listener = (result: DocumentAnalysis) => void;

/**
 * The analysis of each open document, computed once per version and shared by every
 * feature (tokens, hovers, status). Listeners hear about each fresh result.
 */
export class DocumentAnalyses {
  private readonly results = new Map<string, Promise<DocumentAnalysis>>();
  private readonly versions = new Map<string, number>();
  private readonly listeners: Listener[] = [];

  constructor(private readonly settings: DocumentSettings) {}

  onDidAnalyse(listener: Listener): void {
    this.listeners.push(listener);
  }

  get(document: TextDocument): Promise<DocumentAnalysis> {
    const cached = this.results.get(document.uri);
    if (cached && this.versions.get(document.uri) === document.version) return cached;
    const result = this.compute(document);
    this.results.set(document.uri, result);
    this.versions.set(document.uri, document.version);
    void result.then((value) => this.listeners.forEach((listener) => listener(value)));
    return result;
  }

  forget(uri: string): void {
    this.results.delete(uri);
    this.versions.delete(uri);
  }

  clear(): void {
    this.results.clear();
    this.versions.clear();
  }

  private async compute(document: TextDocument): Promise<DocumentAnalysis> {
    // Read the text before awaiting: the document object is updated in place by later edits.
    const text = document.getText();
    const base = { uri: document.uri, version: document.version };
    const { maxFileSize } = await this.settings.get(document.uri);
    const problem = checkArticleText(text, maxFileSize);
    if (problem) return { ...base, analysis: null, problem };
    return { ...base, analysis: analyze(text), problem: null };
  }
}
