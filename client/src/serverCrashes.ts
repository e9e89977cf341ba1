import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

/** As vscode-languageclient's default: a fifth crash within three minutes stops the restarts. */
export const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

export interface CrashNotice {
  message: string;
  /** True when the server stays down. */
  final: boolean;
}

/**
 * Restarts a crashed server like the library's default handler, but says so: the default only
 * writes to the output channel, so highlighting would vanish and come back without a word.
 */
export class ServerCrashHandler implements ErrorHandler {
  private crashes: number[] = [];

  constructor(
    private readonly notify: (notice: CrashNotice) => void,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes = [...this.crashes.filter((at) => now - at <= RESTART_WINDOW_MS), now];
    if (this.crashes.length > MAX_RESTARTS) {
      const message = `The Article Lens server stopped ${this.crashes.length} times in 3 minutes and will not be restarted. Run "Article Lens: Restart Server" to try again.`;
      this.notify({ message, final: true });
      return { action: CloseAction.DoNotRestart, message, handled: true };
    }
    const message = 'The Article Lens server stopped unexpectedly and was restarted; highlighting and hovers come back once it has read the articles again.';
    this.notify({ message, final: false });
    return { action: CloseAction.Restart, message, handled: true };
  }
}
