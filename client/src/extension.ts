import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CorpusStatusNotification, DocumentStatusNotification, WorkspaceTrustNotification } from '../../common/protocol';
import { registerCommands } from './commands';
import { CorpusStatusBar } from './corpusStatusBar';
import { LanguageAssociation } from './languageAssociation';
import { articleSelector, createLanguageClient } from './languageClient';
import { StatusItem } from './status';
import { QuoteMapPanel } from './views/quoteMap';
import { SpeakersView } from './views/speakersView';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Article Lens', { log: true });
  const status = new StatusItem(articleSelector(context.extension));
  const corpusStatus = new CorpusStatusBar();
  client = createLanguageClient(context, outputChannel);
  const languageClient = client;
  const speakers = new SpeakersView(languageClient);
  const quoteMap = new QuoteMapPanel(languageClient, context.extensionUri, (message) => outputChannel.warn(message));
  context.subscriptions.push(
    outputChannel,
    status,
    corpusStatus,
    speakers,
    quoteMap,
    new LanguageAssociation(),
    ...registerCommands({ client: languageClient, outputChannel, speakers, quoteMap }),
    languageClient.onDidChangeState(({ newState }) =>
      status.setServerState(newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : 'stopped'),
    ),
    languageClient.onNotification(DocumentStatusNotification, (params) => status.update(params)),
    languageClient.onNotification(CorpusStatusNotification, (params) => corpusStatus.update(params)),
    // The server refuses to write annotations until the user trusts the workspace.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void languageClient.sendNotification(WorkspaceTrustNotification, { trusted: true })),
  );
  try {
    await languageClient.start();
    // The tree may have asked before the server was up.
    speakers.refresh();
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
