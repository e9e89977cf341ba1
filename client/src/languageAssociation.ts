import * as vscode from 'vscode';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../../common/protocol';

/**
 * Opens plain-text files matching `articleLens.include` as articles. The manifest's
 * filenamePatterns cover the defaults; this covers the globs a user adds.
 */
export class LanguageAssociation implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => void this.associate(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.include`)) this.associateAll();
      }),
    );
    this.associateAll();
  }

  private associateAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.associate(document);
  }

  private async associate(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== 'plaintext') return;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) return;
    const include = vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get<string[]>('include', []);
    const matches = include.some((glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0);
    if (matches) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
