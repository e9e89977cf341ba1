import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { DEFAULT_SETTINGS, type ArticleLensInitializationOptions, type CorpusStatusParams } from '../../common/protocol';
import { ANALYSIS_WORKERS_ENV, CODE_CACHE_ENV, serverNodeArgs } from '../../common/serverProcess';
import { answerClientRequests } from './headlessClient';

/** The built server (dist/server.js) over Node IPC, as the extension drives it, with the figures a benchmark needs. */
export class BenchServer {
  /** Started and not stopped: a benchmark failing midway kills them (killAll), or their IPC channels keep it running. */
  private static readonly running = new Set<BenchServer>();
  private readonly statusWaiters: ((status: CorpusStatusParams) => void)[] = [];
  private versions = new Map<string, number>();
  lastStatus: CorpusStatusParams | null = null;
  indexingSeen = false;

  private constructor(
    readonly connection: MessageConnection,
    private readonly child: ChildProcess,
  ) {}

  /** `codeCacheFolder` is where the server keeps V8's code cache, as the extension's client gives it one (none: uncached). */
  static async start(serverPath: string, workspaceFolder: string, storagePath: string, codeCacheFolder?: string, analysisWorkers?: number): Promise<BenchServer> {
    // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
    // Started with the flags the extension's client starts it with, so its memory is the user's.
    // Over Node IPC, as the extension's client talks to it (TransportKind.ipc): over stdio,
    // vscode-jsonrpc's stream writer holds each reply back for one more turn of the event loop.
    const env = { ...process.env };
    if (codeCacheFolder !== undefined) env[CODE_CACHE_ENV] = codeCacheFolder;
    if (analysisWorkers !== undefined) env[ANALYSIS_WORKERS_ENV] = String(analysisWorkers);
    const child = spawn(process.execPath, [...serverNodeArgs(), ...nodeArgs, serverPath, '--node-ipc'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const server = new BenchServer(connection, child);
    BenchServer.running.add(server);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => DEFAULT_SETTINGS));
    connection.onNotification('articleLens/corpusStatus', (status: CorpusStatusParams) => server.onStatus(status));
    connection.onNotification('articleLens/documentStatus', () => undefined);
    connection.onNotification('window/logMessage', () => undefined);
    answerClientRequests(connection);
    connection.listen();
    const initializationOptions: ArticleLensInitializationOptions = { storagePath };
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      initializationOptions,
      workspaceFolders: [{ uri: pathToFileURL(workspaceFolder).toString(), name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, semanticTokens: { refreshSupport: true }, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: { semanticTokens: { requests: { full: { delta: true }, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] } },
      },
    });
    await connection.sendNotification('initialized', {});
    return server;
  }

  private onStatus(status: CorpusStatusParams): void {
    this.lastStatus = status;
    if (status.indexing) this.indexingSeen = true;
    for (const waiter of this.statusWaiters.splice(0)) waiter(status);
  }

  /** Resolves when the server reports an idle corpus of at least `articles` articles. */
  async indexed(articles: number, timeoutMs: number): Promise<CorpusStatusParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = this.lastStatus;
      if (status && !status.indexing && status.articles >= articles) return status;
      if (Date.now() > deadline) throw new Error(`corpus not indexed within ${timeoutMs} ms: ${JSON.stringify(status)}`);
      await new Promise<void>((resume) => {
        const timer = setTimeout(resume, 50);
        this.statusWaiters.push(() => {
          clearTimeout(timer);
          resume();
        });
      });
    }
  }

  get indexing(): boolean {
    return this.lastStatus?.indexing ?? true;
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
  }

  async insert(uri: string, line: number, character: number, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const position = { line, character };
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text }],
    });
  }

  /** Peak resident set size of the server process (VmHWM), in bytes; worker threads included. */
  peakRss(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : Number.NaN;
  }

  /**
   * CPU time the server has used so far, in ms: all its threads, and the busiest one (during a
   * scan, the analysis worker's: the scan cannot end sooner than it). Linux's /proc, as `peakRss`.
   */
  cpuTime(): { allThreads: number; busiestThread: number } {
    const threads = readdirSync(`/proc/${this.child.pid}/task`).map((thread) => cpuMsOf(`/proc/${this.child.pid}/task/${thread}/stat`));
    return { allThreads: cpuMsOf(`/proc/${this.child.pid}/stat`), busiestThread: Math.max(...threads) };
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      const exited = new Promise((resume) => this.child.once('exit', resume));
      await this.connection.sendNotification('exit');
      // Let it exit by itself (a profiler writes its file then); kill it only if it hangs.
      await Promise.race([exited, new Promise((resume) => setTimeout(resume, 10_000))]);
    } finally {
      BenchServer.running.delete(this);
      this.connection.dispose();
      if (this.child.exitCode === null) this.child.kill();
    }
  }

  static killAll(): void {
    for (const server of BenchServer.running) server.child.kill();
    BenchServer.running.clear();
  }
}

/** utime + stime of a /proc stat file, in ms: fields 14 and 15, counted after the command name, which may hold spaces. */
function cpuMsOf(statPath: string): number {
  const stat = readFileSync(statPath, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Clock ticks of 10 ms (USER_HZ is 100 on every Linux architecture Node runs on).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
