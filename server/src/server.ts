import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleAnalyzer } from './corpus/articleAnalysis';
import { Corpus } from './corpus/corpus';
import { CorpusLinks } from './corpus/corpusLinks';
import { WorkspaceIndexer } from './corpus/workspaceIndexer';
import { DocumentAnalyses } from './documentAnalyses';
import { registerCodeLens } from './features/codeLens';
import { CorpusStatusReporter } from './features/corpusStatus';
import { registerCorpusViews } from './features/corpusViews';
import { reportDocumentStatus } from './features/documentStatus';
import { registerHover } from './features/hover';
import { registerNavigation } from './features/navigation';
import { indexingProgress } from './features/progress';
import { ViewRefresher } from './features/refresh';
import { registerSemanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { registerSymbols } from './features/symbols';
import { DocumentSettings } from './settings';

// Transport (--stdio, --node-ipc, --socket) is chosen from the command line.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new DocumentSettings(connection);
const corpus = new Corpus();
const links = new CorpusLinks(corpus);
const analyzer = new ArticleAnalyzer();
const analyses = new DocumentAnalyses(corpus, analyzer, settings);
const indexer = new WorkspaceIndexer(corpus, analyzer, {
  settingsOf: (folderUri) => settings.get(folderUri),
  isOpen: (uri) => documents.get(uri) !== undefined,
  log: (message) => connection.console.warn(message),
});
const corpusStatus = new CorpusStatusReporter(connection, corpus, {
  speakers: () => links.entities().length,
  linkedQuotes: () => links.linkedQuoteCount(),
});
const progress = indexingProgress(connection, (indexing) => corpusStatus.setIndexing(indexing));
const refresher = new ViewRefresher(connection);

let workspaceFolders: string[] = [];
let canWatchFiles = false;

connection.onInitialize(({ capabilities, workspaceFolders: folders, rootUri }) => {
  settings.enable(capabilities.workspace?.configuration === true);
  refresher.enable(capabilities);
  canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  workspaceFolders = folders?.map((folder) => folder.uri) ?? (rootUri ? [rootUri] : []);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      semanticTokensProvider: { legend: semanticTokensLegend, full: { delta: true }, range: true },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: { label: 'Article Lens' },
      workspaceSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'Article Lens' },
  };
});

connection.onInitialized(() => {
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
  }
  if (workspaceFolders.length > 0) {
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      const gone = new Set(removed.map((folder) => folder.uri));
      workspaceFolders = [...workspaceFolders.filter((uri) => !gone.has(uri)), ...added.map((folder) => folder.uri)];
      void indexer.reindex(workspaceFolders, progress);
    });
  }
  void indexer.reindex(workspaceFolders, progress);
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  for (const document of documents.all()) {
    analyses.forget(document.uri);
    corpus.delete(document.uri);
    void analyses.get(document);
  }
  void indexer.reindex(workspaceFolders, progress);
  refresher.refreshNow();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const { uri, type } of changes) {
    if (type === FileChangeType.Deleted) indexer.fileDeleted(uri);
    else void indexer.fileChanged(uri);
  }
});

corpus.onDidChange((uri, article) => {
  if (article && documents.get(uri)) reportDocumentStatus(connection, article);
  corpusStatus.schedule();
  refresher.schedule();
});

documents.onDidChangeContent(({ document }) => void analyses.get(document));
documents.onDidClose(({ document }) => {
  analyses.forget(document.uri);
  settings.forget(document.uri);
  void indexer.editorClosed(document.uri);
});

registerSemanticTokens(connection, documents, analyses, (article) => links.linkedQuoteIds(article));
registerHover(connection, documents, analyses, corpus, links);
registerNavigation(connection, documents, analyses, corpus, links);
registerSymbols(connection, documents, analyses, corpus);
registerCodeLens(connection, documents, analyses, corpus, links);
registerCorpusViews(connection, documents, analyses, corpus, links);

documents.listen(connection);
connection.listen();
