import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeResult, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { DEFAULT_SETTINGS, type ArticleLensSettings, type CorpusStatusParams, type DocumentStatusParams } from '../../../common/protocol';
import { serverNodeArgs } from '../../../common/serverProcess';
import { answerClientRequests } from '../../../scripts/bench/headlessClient';

export const repoRoot = resolve(__dirname, '../../..');

/** The real, built server (dist/server.js) spoken to over stdio, as any editor would. */
export class LspServer {
  readonly statuses: DocumentStatusParams[] = [];
  readonly corpusStatuses: CorpusStatusParams[] = [];
  /** What the server logged (window/logMessage), in order. */
  readonly logs: { type: number; message: string }[] = [];
  /** `window/showMessage` notifications, in order. */
  readonly messages: { type: number; message: string }[] = [];
  /** The latest `textDocument/publishDiagnostics` per uri. */
  readonly diagnostics = new Map<string, { message: string; severity?: number }[]>();
  settings: ArticleLensSettings = { ...DEFAULT_SETTINGS };
  private versions = new Map<string, number>();

  private constructor(
    readonly connection: MessageConnection,
    private readonly process: ChildProcess,
    readonly initializeResult: InitializeResult,
  ) {}

  /** Starts the server; with `workspaceFolder` (a path) it indexes that folder's articles. */
  static async start(workspaceFolder?: string, options: { initializationOptions?: unknown } = {}): Promise<LspServer> {
    // With the flags the extension's client starts it with: the server under test is the user's.
    const child = spawn(process.execPath, [...serverNodeArgs(), resolve(repoRoot, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const reader = new StreamMessageReader(child.stdout!);
    // A server killed amid a message leaves it half read, and the reader then re-arms a 10 s
    // timer for it forever, even once disposed: the test process would never exit.
    reader.partialMessageTimeout = 0;
    const connection = createMessageConnection(reader, new StreamMessageWriter(child.stdin!));
    let server: LspServer | undefined;
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map(() => server?.settings ?? DEFAULT_SETTINGS),
    );
    connection.onNotification('articleLens/documentStatus', (params: DocumentStatusParams) => {
      server?.statuses.push(params);
    });
    connection.onNotification('articleLens/corpusStatus', (params: CorpusStatusParams) => {
      server?.corpusStatuses.push(params);
    });
    // Buffered until the server object exists: indexing may log before start() returns.
    const earlyLogs: { type: number; message: string }[] = [];
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      (server?.logs ?? earlyLogs).push(params);
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      void server?.messages.push(params);
    });
    connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      server?.messages.push(params);
      return null;
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: { message: string; severity?: number }[] }) => {
      server?.diagnostics.set(params.uri, params.diagnostics);
    });
    answerClientRequests(connection);
    connection.listen();
    // A server that dies on start (a bundling error) fails the test at once instead of at its timeout.
    const exited = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) => reject(new Error(`dist/server.js exited (${signal ?? code}) before answering initialize`)));
    });
    exited.catch(() => undefined);
    const initializing = connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: workspaceFolder ? [{ uri: pathToFileURL(workspaceFolder).toString(), name: 'workspace' }] : null,
      ...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions }),
      capabilities: {
        workspace: { configuration: true, semanticTokens: { refreshSupport: true }, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: {
          semanticTokens: {
            requests: { full: { delta: true }, range: true },
            tokenTypes: [],
            tokenModifiers: [],
            formats: ['relative'],
          },
        },
      },
    });
    const initializeResult = await Promise.race([initializing, exited]);
    await connection.sendNotification('initialized', {});
    server = new LspServer(connection, child, initializeResult);
    server.logs.push(...earlyLogs);
    return server;
  }

  get legend(): SemanticTokensLegend {
    const provider = this.initializeResult.capabilities.semanticTokensProvider;
    if (!provider) throw new Error('the server offers no semantic tokens');
    return provider.legend;
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
  }

  async change(uri: string, contentChanges: unknown[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Polls (no fixed sleeps) until the server has reported on `uri`. */
  async statusOf(uri: string, timeoutMs = 10_000): Promise<DocumentStatusParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = this.statuses.filter((entry) => entry.uri === uri).at(-1);
      if (status) return status;
      if (Date.now() > deadline) throw new Error(`no documentStatus for ${uri} within ${timeoutMs} ms`);
      await new Promise((done) => setTimeout(done, 20));
    }
  }

  /** Polls until the corpus has indexed at least `articles` articles and is idle. */
  async corpusReady(articles: number, timeoutMs = 30_000): Promise<CorpusStatusParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = this.corpusStatuses.at(-1);
      if (status && !status.indexing && status.articles >= articles) return status;
      if (Date.now() > deadline) throw new Error(`corpus not ready within ${timeoutMs} ms: ${JSON.stringify(status)}`);
      await new Promise((done) => setTimeout(done, 20));
    }
  }

  /** `workspace/executeCommand` with one argument. */
  executeCommand<T>(command: string, argument: unknown): Promise<T> {
    return this.connection.sendRequest<T>('workspace/executeCommand', { command, arguments: [argument] });
  }

  /** Kills the server without a shutdown, as a crash would, and waits for the process to end. */
  async kill(): Promise<void> {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGKILL');
      await exited;
    }
    this.connection.dispose();
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      if (this.process.exitCode === null) this.process.kill();
    }
  }
}
