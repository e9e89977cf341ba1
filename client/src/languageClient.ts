import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ClientCommands, SETTINGS_SECTION, type ArticleLensInitializationOptions } from '../../common/protocol';
import { CODE_CACHE_ENV, serverNodeArgs } from '../../common/serverProcess';
import { ServerCrashHandler } from './serverCrashes';

interface ContributedLanguage {
  id: string;
}

/** The languages this extension contributes, read from its manifest so they are listed once. */
export function articleSelector(extension: vscode.Extension<unknown>): DocumentSelector {
  const manifest = extension.packageJSON as { contributes: { languages: ContributedLanguage[] } };
  return manifest.contributes.languages.flatMap(({ id }) => [
    { language: id, scheme: 'file' },
    { language: id, scheme: 'untitled' },
    // code-server and remote workspaces serve files under this scheme.
    { language: id, scheme: 'vscode-remote' },
  ]);
}

/** Builds the client for the bundled server, which runs in a separate Node process over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // Shared by every workspace: the code cache belongs to the installed bundles, not to a workspace.
  const env = { ...process.env, [CODE_CACHE_ENV]: vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...serverNodeArgs()], env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...serverNodeArgs(), '--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: ArticleLensInitializationOptions = { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath };
  const clientOptions: LanguageClientOptions = {
    // A function, so a restart after the user granted trust tells the server so.
    initializationOptions: (): ArticleLensInitializationOptions => ({ ...initializationOptions, workspaceTrusted: vscode.workspace.isTrusted }),
    documentSelector: articleSelector(context.extension),
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel,
    // The library logs the message to the output channel; the user sees it too.
    errorHandler: new ServerCrashHandler(({ message, final }) => {
      const shown = final ? vscode.window.showErrorMessage(message, 'Show Output') : vscode.window.showWarningMessage(message, 'Show Output');
      void shown.then((choice) => {
        if (choice) outputChannel.show(true);
      });
    }),
    // Article text is untrusted: hovers may run only this extension's own navigation command.
    markdown: { isTrusted: { enabledCommands: [ClientCommands.openLocation] }, supportHtml: false, supportThemeIcons: false },
  };
  return new LanguageClient(SETTINGS_SECTION, 'Article Lens', serverOptions, clientOptions);
}
