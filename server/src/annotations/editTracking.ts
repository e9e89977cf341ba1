import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { editBetween, type TextEdit } from './anchoring';

export type EditListener = (uri: string, before: string, edits: readonly TextEdit[], after: string) => void;

/**
 * A TextDocuments configuration that reports every editor change as offset edits, so
 * annotations can follow their words exactly instead of searching for them afterwards.
 */
export function editTrackingDocuments(listener: EditListener): {
  create: typeof TextDocument.create;
  update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => TextDocument;
} {
  return {
    create: TextDocument.create,
    update: (document, changes, version) => {
      const before = document.getText();
      const edits: TextEdit[] = [];
      for (const change of changes) {
        if ('range' in change) {
          edits.push({ start: document.offsetAt(change.range.start), end: document.offsetAt(change.range.end), text: change.text });
        } else {
          edits.push(...editBetween(document.getText(), change.text));
        }
        // One change at a time: each change's range refers to the text the previous one left.
        TextDocument.update(document, [change], version);
      }
      listener(document.uri, before, edits, document.getText());
      return document;
    },
  };
}
