import type { SemanticTokens, SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../../common/protocol';
import type { FeatureContext } from './context';
import { encodeTokens, tokenEdits } from './tokenData';

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

/** Serves full, delta and range semantic tokens from each document's analysis. */
export function registerSemanticTokens({ connection, documents, analyses, links }: FeatureContext): void {
  /** The last full result sent for each document: what the client's next delta request builds on. */
  const lastSent = new Map<string, { resultId: string; data: number[] }>();
  let nextResultId = 1;

  /** The document's tokens once its analysis is ready; positions are those of the analysed text, which a later edit may already have overtaken. */
  async function tokensOf(document: TextDocument, range?: { start: number; end: number }): Promise<number[]> {
    const article = await analyses.get(document);
    return article.analysis ? encodeTokens(article.text, article.analysis, links.linkedQuoteIds(article), range) : [];
  }

  function remembered(uri: string, data: number[]): SemanticTokens {
    const tokens = { resultId: String(nextResultId++), data };
    lastSent.set(uri, tokens);
    return tokens;
  }

  connection.languages.semanticTokens.on(async ({ textDocument }): Promise<SemanticTokens> => {
    const document = documents.get(textDocument.uri);
    if (!document) return { data: [] };
    return remembered(document.uri, await tokensOf(document));
  });

  connection.languages.semanticTokens.onDelta(async ({ textDocument, previousResultId }): Promise<SemanticTokens | SemanticTokensDelta> => {
    const document = documents.get(textDocument.uri);
    if (!document) return { edits: [] };
    const data = await tokensOf(document);
    // Read after the await: a full request answered meanwhile is what the client now holds.
    const previous = lastSent.get(document.uri);
    const tokens = remembered(document.uri, data);
    return previous?.resultId === previousResultId ? { resultId: tokens.resultId, edits: tokenEdits(previous.data, data) } : tokens;
  });

  connection.languages.semanticTokens.onRange(async ({ textDocument, range }): Promise<SemanticTokens> => {
    const document = documents.get(textDocument.uri);
    if (!document) return { data: [] };
    return { data: await tokensOf(document, { start: document.offsetAt(range.start), end: document.offsetAt(range.end) }) };
  });

  documents.onDidClose(({ document }) => lastSent.delete(document.uri));
}
