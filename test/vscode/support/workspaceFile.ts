import * as vscode from 'vscode';

/** A file in the first workspace folder (the test's copy of seeds/). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the extension-host tests need a workspace folder (a copy of seeds/)');
  return vscode.Uri.joinPath(folder.uri, name);
}
