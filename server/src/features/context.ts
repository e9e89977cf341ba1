import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Corpus } from '../corpus/corpus';
import type { CorpusLinks } from '../corpus/corpusLinks';
import type { DocumentAnalyses } from '../documentAnalyses';

/** What every feature reads: the connection, the open documents, their analyses and the corpus. */
export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyses: DocumentAnalyses;
  corpus: Corpus;
  links: CorpusLinks;
}
