import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyses } from './documentAnalyses';
import { reportDocumentStatus } from './features/documentStatus';
import { registerSemanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { DocumentSettings } from './settings';

// Transport (--stdio, --node-ipc, --socket) is chosen from the command line.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new DocumentSettings(connection);
const analyses = new DocumentAnalyses(settings);

let canRefreshTokens = false;

connection.onInitialize(({ capabilities }) => {
  settings.enable(capabilities.workspace?.configuration === true);
  canRefreshTokens = capabilities.workspace?.semanticTokens?.refreshSupport === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      semanticTokensProvider: { legend: semanticTokensLegend, full: { delta: true }, range: true },
    },
    serverInfo: { name: 'Article Lens' },
  };
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  analyses.clear();
  if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
  for (const document of documents.all()) void analyses.get(document);
});

analyses.onDidAnalyse((result) => reportDocumentStatus(connection, result));
documents.onDidOpen(({ document }) => void analyses.get(document));
documents.onDidChangeContent(({ document }) => void analyses.get(document));
documents.onDidClose(({ document }) => {
  analyses.forget(document.uri);
  settings.forget(document.uri);
});

registerSemanticTokens(connection, documents, analyses);

documents.listen(connection);
connection.listen();
