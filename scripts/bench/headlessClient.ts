import type { MessageConnection } from 'vscode-jsonrpc';

/**
 * Answers what the server asks of its client that a client without a window has no use for:
 * progress, refreshes and registrations. Shared by the benchmark and the protocol tests.
 */
export function answerClientRequests(connection: MessageConnection): void {
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', () => undefined);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
}
