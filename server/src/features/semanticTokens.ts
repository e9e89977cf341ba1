import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensLegend } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../../common/protocol';
import type { FeatureContext } from './context';
import { tokenRuns } from './tokenRuns';

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

/** Serves full, delta and range semantic tokens from each document's analysis. */
export function registerSemanticTokens({ connection, documents, analyses, links }: FeatureContext): void {
  const builders = new Map<string, SemanticTokensBuilder>();

  type EncodedToken = [line: number, character: number, length: number, type: number, modifiers: number];

  async function encodedTokens(document: TextDocument, range?: { start: number; end: number }): Promise<EncodedToken[]> {
    const article = await analyses.get(document);
    if (!article.analysis) return [];
    // Positions come from the analysed text, which a later edit may already have overtaken; when it has not,
    // the open document already knows where its lines start.
    const analysed = document.version === article.version && document.getText() === article.text ? document : TextDocument.create(article.uri, document.languageId, article.version, article.text);
    const tokens: EncodedToken[] = [];
    for (const run of tokenRuns(article.text, article.analysis, links.linkedQuoteIds(article))) {
      if (range && (run.end <= range.start || run.start >= range.end)) continue;
      const position = analysed.positionAt(run.start);
      const modifierBits = run.modifiers.reduce((bits, modifier) => bits | (1 << TOKEN_MODIFIERS.indexOf(modifier)), 0);
      tokens.push([position.line, position.character, run.end - run.start, TOKEN_TYPES.indexOf(run.type), modifierBits]);
    }
    return tokens;
  }

  // Builders are touched only after the await, so concurrent requests never interleave pushes.
  function freshBuilder(uri: string, tokens: EncodedToken[]): SemanticTokensBuilder {
    const builder = new SemanticTokensBuilder();
    builders.set(uri, builder);
    for (const token of tokens) builder.push(...token);
    return builder;
  }

  connection.languages.semanticTokens.on(async ({ textDocument }): Promise<SemanticTokens> => {
    const document = documents.get(textDocument.uri);
    if (!document) return { data: [] };
    return freshBuilder(document.uri, await encodedTokens(document)).build();
  });

  connection.languages.semanticTokens.onDelta(async ({ textDocument, previousResultId }): Promise<SemanticTokens | SemanticTokensDelta> => {
    const document = documents.get(textDocument.uri);
    if (!document) return { edits: [] };
    const tokens = await encodedTokens(document);
    const builder = builders.get(document.uri);
    if (!builder) return freshBuilder(document.uri, tokens).build();
    builder.previousResult(previousResultId);
    for (const token of tokens) builder.push(...token);
    return builder.buildEdits();
  });

  connection.languages.semanticTokens.onRange(async ({ textDocument, range }): Promise<SemanticTokens> => {
    const document = documents.get(textDocument.uri);
    if (!document) return { data: [] };
    const builder = new SemanticTokensBuilder();
    const tokens = await encodedTokens(document, { start: document.offsetAt(range.start), end: document.offsetAt(range.end) });
    for (const token of tokens) builder.push(...token);
    return builder.build();
  });

  documents.onDidClose(({ document }) => builders.delete(document.uri));
}
