import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { ClientCommands, CorpusStatusNotification, QuoteMapRequest, type OpenLocationArgs, type QuoteMapResult } from '../../../common/protocol';
import type { CorpusClient } from './corpusClient';
import { CorpusSettled } from './corpusSettled';
import { quoteMapHtml, type QuoteMapState } from './quoteMapHtml';
import { parseQuoteMapMessage } from './quoteMapMessages';

/** Where the webview bundle (esbuild entry `client/src/views/webview/quoteMap.ts`) lands. */
const WEBVIEW_BUNDLE = ['dist', 'webview'];

export interface QuoteMapReady {
  generation: number;
  /** How many clickable cells the webview's script found in the page. */
  cells: number;
}

/**
 * The "Article Lens: Quote Map" panel: linked quotes by article. One panel at a time; it asks the
 * server again whenever the corpus settles into a change while it is open (`CorpusSettled`).
 */
export class QuoteMapPanel implements vscode.Disposable {
  static readonly viewType = 'articleLens.quoteMap';

  private panel: vscode.WebviewPanel | undefined;
  private result: QuoteMapResult | undefined;
  private generation = 0;
  private loading: Promise<void> | undefined;
  private reloadRequested = false;
  private readonly settled = new CorpusSettled();
  private readonly readyEmitter = new vscode.EventEmitter<QuoteMapReady>();
  private readonly subscriptions: { dispose(): void }[];

  /** Fires when the webview's script has loaded and wired the page's cells. */
  readonly onDidLoadScript = this.readyEmitter.event;

  constructor(
    private readonly client: CorpusClient,
    private readonly extensionUri: vscode.Uri,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.subscriptions = [
      this.readyEmitter,
      client.onNotification(CorpusStatusNotification, (status) => {
        const changed = this.settled.changed(status);
        if (this.panel && changed) void this.refresh();
      }),
    ];
  }

  /** The open panel's webview, if any. */
  get webview(): vscode.Webview | undefined {
    return this.panel?.webview;
  }

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const bundle = vscode.Uri.joinPath(this.extensionUri, ...WEBVIEW_BUNDLE);
    const panel = vscode.window.createWebviewPanel(QuoteMapPanel.viewType, 'Article Lens: Quote Map', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [bundle],
    });
    this.panel = panel;
    panel.webview.onDidReceiveMessage((message: unknown) => this.handleMessage(message));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.result = undefined;
    });
    this.render({ kind: 'loading' });
    await this.refresh();
  }

  /** Asks the server for the map; a refresh asked for while one is loading runs once that one ends. */
  refresh(): Promise<void> {
    if (this.loading) {
      this.reloadRequested = true;
      return this.loading;
    }
    this.loading = this.load().finally(() => {
      this.loading = undefined;
      if (this.reloadRequested) {
        this.reloadRequested = false;
        void this.refresh();
      }
    });
    return this.loading;
  }

  /** Handles a message from the webview, which shows article text and so is not trusted. */
  async handleMessage(value: unknown): Promise<void> {
    const message = parseQuoteMapMessage(value);
    if (!message) {
      this.log(`Quote map: ignored a malformed message from the webview: ${JSON.stringify(value)}`);
      return;
    }
    if (message.generation !== this.generation) return;
    if (message.type === 'ready') {
      this.readyEmitter.fire({ generation: message.generation, cells: message.cells });
      return;
    }
    const row = this.result?.quotes[message.quote];
    const cell = row?.cells[message.cell];
    const article = cell ? this.result?.articles[cell.article] : undefined;
    if (!cell || !article) {
      this.log(`Quote map: no cell ${message.quote}/${message.cell} in the map on show`);
      return;
    }
    const target: OpenLocationArgs = { uri: article.uri, range: cell.range };
    await vscode.commands.executeCommand(ClientCommands.openLocation, target);
  }

  private async load(): Promise<void> {
    if (!this.panel) return;
    let state: QuoteMapState;
    try {
      const result = await this.client.sendRequest(QuoteMapRequest);
      state = { kind: 'loaded', result };
    } catch (error) {
      state = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    this.render(state);
  }

  private render(state: QuoteMapState): void {
    if (!this.panel) return;
    const { webview } = this.panel;
    const bundle = vscode.Uri.joinPath(this.extensionUri, ...WEBVIEW_BUNDLE);
    this.generation += 1;
    this.result = state.kind === 'loaded' ? state.result : undefined;
    webview.html = quoteMapHtml({
      state,
      generation: this.generation,
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'quoteMap.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'quoteMap.css')).toString(),
    });
  }

  dispose(): void {
    this.panel?.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
