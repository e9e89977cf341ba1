import { CodeLensRefreshRequest, type ClientCapabilities, type Connection } from 'vscode-languageserver';

/**
 * Asks the client to re-request tokens and lenses after the corpus changed: an edit in one
 * article changes which quotes of the others are linked. Debounced, so indexing many files
 * costs one refresh, and typing one once it pauses (`scheduleAfterTyping`).
 */
export class ViewRefresher {
  private timer: NodeJS.Timeout | undefined;
  private typingTimer: NodeJS.Timeout | undefined;
  private tokens = false;
  private codeLenses = false;

  constructor(
    private readonly connection: Connection,
    private readonly delayMs = 400,
    private readonly typingPauseMs = 1_000,
  ) {}

  enable(capabilities: ClientCapabilities): void {
    this.tokens = capabilities.workspace?.semanticTokens?.refreshSupport === true;
    this.codeLenses = capabilities.workspace?.codeLens?.refreshSupport === true;
  }

  schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.refreshNow();
    }, this.delayMs);
  }

  /**
   * After an editor's change: once typing has paused for `typingPauseMs`. The editor asks for
   * the typed document's own tokens and lenses anyway; a refresh every `delayMs` while typing
   * had every open editor's tokens and visible lenses worked out again as well.
   */
  scheduleAfterTyping(): void {
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.typingTimer = undefined;
      this.refreshNow();
    }, this.typingPauseMs);
  }

  refreshNow(): void {
    if (this.tokens) void this.connection.languages.semanticTokens.refresh().catch(() => undefined);
    if (this.codeLenses) void this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }
}
