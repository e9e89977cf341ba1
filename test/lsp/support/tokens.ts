import type { SemanticTokensLegend } from 'vscode-languageserver-protocol';

export interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
  text: string;
}

/** Decodes LSP's relative token encoding against the legend and the document's lines. */
export function decodeTokens(data: number[], legend: SemanticTokensLegend, text: string): DecodedToken[] {
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let index = 0; index < data.length; index += 5) {
    const [deltaLine, deltaStart, length, typeIndex, modifierBits] = data.slice(index, index + 5) as [number, number, number, number, number];
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    tokens.push({
      line,
      character,
      length,
      type: legend.tokenTypes[typeIndex] ?? `unknown(${typeIndex})`,
      modifiers: legend.tokenModifiers.filter((_, bit) => (modifierBits & (1 << bit)) !== 0),
      text: (lines[line] ?? '').slice(character, character + length),
    });
  }
  return tokens;
}

/**
 * Joins tokens that touch on one line into stretches, so a fact spanning several tokens
 * ("Fox News" + " reports") can be found by its whole text.
 */
export function touchingStretches(tokens: DecodedToken[]): { text: string; types: Set<string> }[] {
  const stretches: { line: number; end: number; text: string; types: Set<string> }[] = [];
  for (const token of tokens) {
    const last = stretches.at(-1);
    if (last && last.line === token.line && last.end === token.character) {
      last.text += token.text;
      last.end += token.length;
      last.types.add(token.type);
    } else {
      stretches.push({ line: token.line, end: token.character + token.length, text: token.text, types: new Set([token.type]) });
    }
  }
  return stretches;
}
