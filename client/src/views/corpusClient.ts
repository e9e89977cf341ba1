import type { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/**
 * The part of the language client the corpus views use. A `LanguageClient` satisfies it; tests pass
 * a fake, so the views can be exercised without a server.
 */
export interface CorpusClient {
  sendRequest<R>(type: RequestType0<R, void>): Promise<R>;
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void): { dispose(): void };
}
