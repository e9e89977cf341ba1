import type { Connection } from 'vscode-languageserver';
import { DocumentStatusNotification, type DocumentStatusParams } from '../../../common/protocol';
import type { Article } from '../corpus/corpus';

/** Tells the client, after each analysis, what was found or why the document was skipped. */
export function reportDocumentStatus(connection: Connection, article: Article): void {
  const { analysis, problem } = article;
  const params: DocumentStatusParams = {
    uri: article.uri,
    skipped: problem?.reason ?? null,
    message: problem?.message ?? null,
    counts: {
      speakers: analysis?.speakers.length ?? 0,
      outlets: analysis?.outlets.length ?? 0,
      attributions: analysis?.attributions.length ?? 0,
      quotes: analysis?.quotes.length ?? 0,
    },
  };
  if (problem) connection.console.warn(`${article.uri}: ${problem.message}`);
  void connection.sendNotification(DocumentStatusNotification, params);
}
