import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { annotationCommandHandlers } from './annotationCommands';
import type { QuoteMapPanel } from './views/quoteMap';
import type { SpeakersView } from './views/speakersView';
import { ClientCommands, type OpenLocationArgs, type ShowReferencesArgs } from '../../common/protocol';

export interface CommandServices {
  client: LanguageClient;
  outputChannel: vscode.LogOutputChannel;
  speakers: SpeakersView;
  quoteMap: QuoteMapPanel;
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
  [ClientCommands.showQuoteMap]: ({ quoteMap }) => () => quoteMap.show(),
  [ClientCommands.refreshSpeakers]: ({ speakers }) => () => speakers.refresh(),
  [ClientCommands.openLocation]: () => async (...args: unknown[]) => {
    const target = parseOpenLocationArgs(args[0]);
    const { start, end } = target.range;
    const selection = new vscode.Range(start.line, start.character, end.line, end.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { selection, preview: true });
  },
  [ClientCommands.showReferences]: () => async (...args: unknown[]) => {
    const { uri, position, locations } = args[0] as ShowReferencesArgs;
    const toRange = ({ start, end }: ShowReferencesArgs['locations'][number]['range']): vscode.Range =>
      new vscode.Range(start.line, start.character, end.line, end.character);
    await vscode.commands.executeCommand(
      'editor.action.showReferences',
      vscode.Uri.parse(uri),
      new vscode.Position(position.line, position.character),
      locations.map((location) => new vscode.Location(vscode.Uri.parse(location.uri), toRange(location.range))),
    );
  },
  ...annotationCommandHandlers,
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

/** Command links carry JSON; check its shape before trusting it with an editor. */
function parseOpenLocationArgs(value: unknown): OpenLocationArgs {
  const candidate = value as Partial<OpenLocationArgs> | undefined;
  const isPosition = (position: unknown): boolean => {
    const { line, character } = (position ?? {}) as { line?: unknown; character?: unknown };
    return Number.isInteger(line) && Number.isInteger(character);
  };
  if (typeof candidate?.uri !== 'string' || !isPosition(candidate.range?.start) || !isPosition(candidate.range?.end)) {
    throw new Error('openLocation needs { uri, range } arguments');
  }
  return candidate as OpenLocationArgs;
}
