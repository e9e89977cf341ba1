import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentTextRequest } from '../../../common/protocol';

/** Answers what text the server holds for an open document, so edits can be checked end to end. */
export function registerDocumentText(connection: Connection, documents: TextDocuments<TextDocument>): void {
  connection.onRequest(DocumentTextRequest, ({ uri }) => {
    const document = documents.get(uri);
    return document ? { version: document.version, text: document.getText() } : null;
  });
}
