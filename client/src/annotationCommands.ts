import * as vscode from 'vscode';
import { plainLabel } from '../../common/labels';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  ClientCommands,
  EXPORT_FORMATS,
  LANGUAGE_ID,
  ServerCommands,
  SpeakerNamesRequest,
  type AnnotationChangeResult,
  type AnnotationKind,
  type ExportAnnotationsArgs,
  type ExportAnnotationsResult,
  type ExportFormat,
  type ListAnnotationsResult,
  type MarkArgs,
} from '../../common/protocol';

type Handler = (services: { client: LanguageClient }) => (...args: unknown[]) => unknown;

function execute<T>(client: LanguageClient, command: string, argument: unknown): Promise<T> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [argument] }) as Promise<T>;
}

function articleEditor(): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) throw new Error('Open a news article first.');
  return editor;
}

function announce({ message }: AnnotationChangeResult): void {
  vscode.window.setStatusBarMessage(`$(check) ${message}`, 5000);
}

function markHandler(kind: AnnotationKind, command: string): Handler {
  return ({ client }) =>
    async () => {
      const editor = articleEditor();
      if (editor.selection.isEmpty) throw new Error(`Select the words to mark as ${kind === 'attribution' ? 'an attribution' : `a ${kind}`} first.`);
      const args: MarkArgs = {
        uri: client.code2ProtocolConverter.asUri(editor.document.uri),
        range: client.code2ProtocolConverter.asRange(editor.selection),
      };
      announce(await execute<AnnotationChangeResult>(client, command, args));
    };
}

const NEW_NAME = '$(add) New name…';

/** Palette and context-menu commands for the user's annotations; the server does the work. */
export const annotationCommandHandlers = {
  [ClientCommands.markSpeaker]: markHandler('speaker', ServerCommands.markSpeaker),
  [ClientCommands.markOutlet]: markHandler('outlet', ServerCommands.markOutlet),
  [ClientCommands.markAttribution]: markHandler('attribution', ServerCommands.markAttribution),
  [ClientCommands.markQuote]: markHandler('quote', ServerCommands.markQuote),

  [ClientCommands.setQuoteSpeaker]: ({ client }) => async () => {
    const editor = articleEditor();
    const speakers = await client.sendRequest(SpeakerNamesRequest);
    const items: (vscode.QuickPickItem & { name: string | null })[] = [
      { label: NEW_NAME, alwaysShow: true, name: null },
      ...speakers.map((speaker) => ({
        label: plainLabel(speaker.name),
        description: plainLabel(speaker.aliases.filter((alias) => alias !== speaker.name).join(', ')),
        name: speaker.name,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Who said the quote at the cursor?', placeHolder: 'A speaker of the workspace, or a new name', matchOnDescription: true });
    if (!picked) return;
    const speaker = picked.name === null ? await vscode.window.showInputBox({ title: 'Speaker of the quote', prompt: 'The name of whoever said it', validateInput: (value) => (value.trim() ? null : 'Type a name') }) : picked.name;
    if (!speaker) return;
    announce(
      await execute<AnnotationChangeResult>(client, ServerCommands.setQuoteSpeaker, {
        uri: client.code2ProtocolConverter.asUri(editor.document.uri),
        position: client.code2ProtocolConverter.asPosition(editor.selection.active),
        speaker,
      }),
    );
  },

  [ClientCommands.removeAnnotation]: ({ client }) => async () => {
    const editor = articleEditor();
    announce(
      await execute<AnnotationChangeResult>(client, ServerCommands.removeAnnotation, {
        uri: client.code2ProtocolConverter.asUri(editor.document.uri),
        position: client.code2ProtocolConverter.asPosition(editor.selection.active),
      }),
    );
  },

  [ClientCommands.listAnnotations]: ({ client }) => async () => {
    const editor = articleEditor();
    const result = await execute<ListAnnotationsResult>(client, ServerCommands.listAnnotations, { uri: client.code2ProtocolConverter.asUri(editor.document.uri) });
    if (result.problem) void vscode.window.showErrorMessage(`Article Lens: ${result.problem}`);
    if (result.annotations.length === 0) {
      if (!result.problem) void vscode.window.showInformationMessage('This article has no annotations of yours yet.');
      return;
    }
    const items = result.annotations.map((entry) => ({
      label: `${entry.action === 'reject' ? '$(circle-slash) removed' : '$(tag)'} ${entry.kind}: “${plainLabel(entry.text)}”`,
      description: plainLabel(entry.name ?? ''),
      detail: entry.range ? `line ${entry.range.start.line + 1}` : '$(warning) could not be placed in the current text (kept in the sidecar file)',
      range: entry.range,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: `Annotations (${result.sidecar})`, matchOnDescription: true, matchOnDetail: true });
    if (!picked?.range) return;
    const range = client.protocol2CodeConverter.asRange(picked.range);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  },

  [ClientCommands.exportAnnotations]: ({ client }) => async () => {
    const editor = vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID ? vscode.window.activeTextEditor : undefined;
    const scopes = [
      ...(editor ? [{ label: 'Current article', scope: 'article' as const }] : []),
      { label: 'Whole workspace', scope: 'workspace' as const },
    ];
    const scope = scopes.length === 1 ? scopes[0] : await vscode.window.showQuickPick(scopes, { title: 'Export the annotations of' });
    if (!scope) return;
    const formats: Record<ExportFormat, string> = { brat: 'brat standoff (.ann + annotation.conf)', w3c: 'W3C Web Annotation JSON-LD', csv: 'CSV' };
    const format = await vscode.window.showQuickPick(
      EXPORT_FORMATS.map((id) => ({ label: formats[id], id })),
      { title: 'Export format' },
    );
    if (!format) return;
    const [folder] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export here' })) ?? [];
    if (!folder) return;
    const args: ExportAnnotationsArgs = { scope: scope.scope, format: format.id, outDir: folder.fsPath };
    if (editor && scope.scope === 'article') args.uri = client.code2ProtocolConverter.asUri(editor.document.uri);
    const result = await execute<ExportAnnotationsResult>(client, ServerCommands.exportAnnotations, args);
    void vscode.window.showInformationMessage(result.message);
  },

  [ClientCommands.importBratAnnotations]: ({ client }) => async () => {
    const [folder] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Import brat annotations' })) ?? [];
    if (!folder) return;
    const result = await execute<AnnotationChangeResult>(client, ServerCommands.importBrat, { folder: folder.fsPath });
    void vscode.window.showInformationMessage(result.message);
  },

  [ClientCommands.reanalyseWorkspace]: ({ client }) => async () => {
    announce(await execute<AnnotationChangeResult>(client, ServerCommands.reanalyseWorkspace, {}));
  },
} as const satisfies Record<string, Handler>;
