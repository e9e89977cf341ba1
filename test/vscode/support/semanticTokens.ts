import * as vscode from 'vscode';

export interface DecodedToken {
  type: string;
  modifiers: string[];
  range: vscode.Range;
  text: string;
}

/** Turns VS Code's relative 5-number encoding (line, start, length, type, modifiers) into ranges with names. */
export function decodeSemanticTokens(
  document: vscode.TextDocument,
  tokens: vscode.SemanticTokens,
  legend: vscode.SemanticTokensLegend,
): DecodedToken[] {
  const decoded: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, typeIndex, modifierBits] = tokens.data.subarray(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const range = new vscode.Range(line, character, line, character + length);
    decoded.push({
      type: legend.tokenTypes[typeIndex] ?? `#${typeIndex}`,
      modifiers: legend.tokenModifiers.filter((_, bit) => (modifierBits & (1 << bit)) !== 0),
      range,
      text: document.getText(range),
    });
  }
  return decoded;
}

/** Asks VS Code (and so the extension's provider) for a document's semantic tokens, decoded. */
export async function documentSemanticTokens(document: vscode.TextDocument): Promise<DecodedToken[] | undefined> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>(
    'vscode.provideDocumentSemanticTokensLegend',
    document.uri,
  );
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>(
    'vscode.provideDocumentSemanticTokens',
    document.uri,
  );
  if (!legend || !tokens || tokens.data.length === 0) return undefined;
  return decodeSemanticTokens(document, tokens, legend);
}
