import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands } from '../../common/protocol';

export interface CommandServices {
  client: LanguageClient;
  outputChannel: vscode.LogOutputChannel;
}

type ClientCommandId = (typeof ClientCommands)[keyof typeof ClientCommands];
type CommandHandler = (services: CommandServices) => (...args: unknown[]) => unknown;

/** Every command the client contributes, one handler each (a test checks the manifest agrees). */
export const commandHandlers = {
  [ClientCommands.restartServer]: ({ client, outputChannel }) => async () => {
    outputChannel.info('Restarting the Article Lens server');
    await client.restart();
  },
  [ClientCommands.showOutput]: ({ outputChannel }) => () => outputChannel.show(true),
} as const satisfies Record<ClientCommandId, CommandHandler>;

/** Registers every handler, reporting failures to the user instead of throwing into VS Code. */
export function registerCommands(services: CommandServices): vscode.Disposable[] {
  return Object.entries(commandHandlers).map(([id, handler]: [string, CommandHandler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(services)(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.outputChannel.error(`${id} failed: ${message}`);
        void vscode.window.showErrorMessage(`Article Lens: ${message}`);
        return undefined;
      }
    }),
  );
}
