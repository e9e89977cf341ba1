import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceTrustNotification } from '../../common/protocol';
import { analysisWorkerCount } from '../../common/serverProcess';
import { AnnotationStore } from './annotations/annotationStore';
import { editTrackingDocuments } from './annotations/editTracking';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ArticleLensInitializationOptions } from '../../common/protocol';
import { ArticleAnalyzer } from './corpus/articleAnalysis';
import { AnalysisStore } from './corpus/persistence/analysisStore';
import { engineVersion } from './corpus/persistence/engineVersion';
import { AnalysisPool } from './corpus/workers/analysisPool';
import { Corpus } from './corpus/corpus';
import { CorpusLinks } from './corpus/corpusLinks';
import { WorkspaceIndexer } from './corpus/workspaceIndexer';
import { DocumentAnalyses } from './documentAnalyses';
import { annotationCommandIds, registerAnnotationCommands } from './features/annotationCommands';
import { registerCodeLens } from './features/codeLens';
import type { FeatureContext } from './features/context';
import { CorpusStatusReporter } from './features/corpusStatus';
import { registerCorpusViews } from './features/corpusViews';
import { registerDocumentText } from './features/documentText';
import { DocumentReports } from './features/documentReports';
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
// Editor changes reach the annotation store as offset edits, so annotations follow their words.
const documents = new TextDocuments<TextDocument>(editTrackingDocuments((uri, before, edits, after) => annotations.didEdit(uri, before, edits, after)));
const settings = new DocumentSettings(connection);
const corpus = new Corpus();
// Next to dist/server.js; the engine runs there so this thread stays free for requests.
const analysisWorker = join(__dirname, 'analysisWorker.js');
const pool = new AnalysisPool(analysisWorker, analysisWorkerCount(availableParallelism()));
const analyzer = new ArticleAnalyzer(pool);
// Counts are remembered in the analysis store, for this build of the matching code (this bundle).
const links = new CorpusLinks(corpus, undefined, analyzer, engineVersion(__filename));
let workspaceTrusted = true;
const annotations = new AnnotationStore({
  writeRefusal: () =>
    workspaceTrusted ? null : 'This workspace is not trusted, so Article Lens only reads annotations. Trust the workspace to add, change or import them.',
  editorText: (uri) => documents.get(uri)?.getText(),
  changed: () => undefined,
});
analyzer.setOverlay(annotations.overlay);
const analyses = new DocumentAnalyses(corpus, analyzer, settings);
const indexer = new WorkspaceIndexer(corpus, analyzer, {
  settingsOf: (folderUri) => settings.get(folderUri),
  isOpen: (uri) => documents.get(uri) !== undefined,
  log: (message) => connection.console.warn(message),
  listed: (articles, seen) => annotations.listed(articles, seen),
});
const corpusStatus = new CorpusStatusReporter(connection, corpus, {
  speakers: () => links.speakerCount(),
  linkedQuotes: () => links.linkedQuoteCount(),
  counting: () => links.counting,
  revision: () => links.countedRevision,
});
links.onDidCount(() => {
  corpusStatus.sendNow();
  indexer.saveSoon();
});
const progress = indexingProgress(connection, (indexing) => {
  corpusStatus.setIndexing(indexing);
  // Counted once a scan has ended, not whenever the stream of files pauses during it.
  if (indexing) links.holdCounting();
  else links.countNow();
});
const refresher = new ViewRefresher(connection);

let workspaceFolders: string[] = [];
let canWatchFiles = false;

connection.onInitialize(({ capabilities, workspaceFolders: folders, rootUri, initializationOptions }) => {
  const storagePath = (initializationOptions as ArticleLensInitializationOptions | undefined)?.storagePath;
  // Clients that know no workspace trust (any but VS Code) trust what they open.
  workspaceTrusted = (initializationOptions as ArticleLensInitializationOptions | undefined)?.workspaceTrusted !== false;
  if (storagePath) analyzer.useStore(AnalysisStore.open(storagePath, engineVersion(join(__dirname, 'analysisWorkerMain.js'))));
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
      codeLensProvider: { resolveProvider: true },
      executeCommandProvider: { commands: annotationCommandIds },
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

connection.onNotification(WorkspaceTrustNotification, ({ trusted }) => {
  workspaceTrusted = trusted;
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const { uri, type } of changes) {
    if (annotationCommands.fileChanged(uri)) continue;
    if (type === FileChangeType.Deleted) indexer.fileDeleted(uri);
    else void indexer.fileChanged(uri);
  }
});

const documentReports = new DocumentReports((uri) => {
  const article = corpus.get(uri);
  if (!article || !documents.get(uri)) return;
  reportDocumentStatus(connection, article);
  annotationCommands.publishDiagnostics(uri);
});

corpus.onDidChange((uri, article) => {
  if (article && documents.get(uri)) {
    documentReports.schedule(uri);
  } else if (article?.problem && article.problem.reason !== 'empty') {
    // A skipped file nobody has open: the output says which and why, not just the skipped count.
    connection.console.warn(`${uri}: ${article.problem.message}`);
  }
  corpusStatus.schedule();
  if (article?.origin === 'editor') refresher.scheduleAfterTyping();
  else refresher.schedule();
});

documents.onDidChangeContent(({ document }) => {
  indexer.editorChanged();
  void analyses.get(document);
});
documents.onDidOpen(() => pool.keepOneForEditors(true));
documents.onDidClose(({ document }) => {
  pool.keepOneForEditors(documents.all().length > 0);
  analyses.forget(document.uri);
  settings.forget(document.uri);
  void indexer.editorClosed(document.uri);
});

const features: FeatureContext = { connection, documents, analyses, corpus, links };
registerSemanticTokens(features);
registerHover(features);
registerNavigation(features);
registerSymbols(features);
registerCodeLens(features);
registerCorpusViews(features);
registerDocumentText(connection, documents);
const annotationCommands = registerAnnotationCommands({
  connection,
  documents,
  corpus,
  store: annotations,
  currentArticle: async (uri) => {
    const document = documents.get(uri);
    return document ? analyses.get(document) : corpus.get(uri);
  },
  reanalyse: async (uri) => {
    const document = documents.get(uri);
    if (document) await analyses.reanalyse(document);
    else await indexer.fileChanged(uri);
  },
  reanalyseWorkspace: async () => {
    for (const document of documents.all()) await analyses.reanalyse(document);
    await indexer.reindex(workspaceFolders, progress);
  },
});

connection.onShutdown(() => indexer.flush());

documents.listen(connection);
connection.listen();
