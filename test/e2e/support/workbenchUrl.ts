/** What the workbench should load besides the folder, as VS Code's `payload` URL parameter. */
export interface WorkbenchPayload {
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}

/** The code-server workbench URL opening `folder`; payload paths become vscode-remote URIs on that server. */
export function workbenchUrl(serverUrl: string, folder: string, payload: WorkbenchPayload = {}): string {
  const url = new URL(serverUrl);
  url.searchParams.set('folder', folder);
  const entries = Object.entries(payload).map(([key, path]) => [key, `vscode-remote://${url.host}${path}`]);
  if (entries.length > 0) url.searchParams.set('payload', JSON.stringify(entries));
  return url.toString();
}
