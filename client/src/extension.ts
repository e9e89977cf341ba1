import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DocumentStatusNotification } from '../../common/protocol';
import { registerCommands } from './commands';
import { LanguageAssociation } from './languageAssociation';
import { articleSelector, createLanguageClient } from './languageClient';
import { StatusItem } from './status';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Article Lens', { log: true });
  const status = new StatusItem(articleSelector(context.extension));
  client = createLanguageClient(context, outputChannel);
  const languageClient = client;
  context.subscriptions.push(
    outputChannel,
    status,
    new LanguageAssociation(),
    ...registerCommands({ client: languageClient, outputChannel }),
    languageClient.onDidChangeState(({ newState }) =>
      status.setServerState(newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : 'stopped'),
    ),
    languageClient.onNotification(DocumentStatusNotification, (params) => status.update(params)),
  );
  try {
    await languageClient.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outputChannel.error(`The Article Lens server failed to start: ${message}`);
    void vscode.window.showErrorMessage(`Article Lens could not start its language server: ${message}`, 'Show Output').then((choice) => {
      if (choice) outputChannel.show();
    });
  }
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
