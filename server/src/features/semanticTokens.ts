import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../../common/protocol';
import type { FeatureContext } from './context';
import { visitTokenRuns } from './tokenRuns';

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

/** Serves full, delta and range semantic tokens from each document's analysis. */
export function registerSemanticTokens({ connection, documents, analyses, links }: FeatureContext): void {
  const builders = new Map<string, SemanticTokensBuilder>();

  /**
   * Pushes the document's tokens into the builder `target` gives once the analysis is ready.
   * Builders are touched only after the await, so concurrent requests never interleave pushes;
   * tokens go straight in, as a long article has thousands per keystroke.
   */
  async function pushTokens(document: TextDocument, target: () => SemanticTokensBuilder, range?: { start: number; end: number }): Promise<SemanticTokensBuilder> {
    const article = await analyses.get(document);
    const builder = target();
    if (!article.analysis) return builder;
    // Positions are those of the analysed text, which a later edit may already have overtaken.
    visitTokenRuns(article.text, article.analysis, links.linkedQuoteIds(article), (start, end, line, character, type, modifierBits) => {
      if (!range || (end > range.start && start < range.end)) builder.push(line, character, end - start, type, modifierBits);
    });
    return builder;
  }

  function freshBuilder(uri: string): SemanticTokensBuilder {
    const builder = new SemanticTokensBuilder();
    builders.set(uri, builder);
    return builder;
  }

  connection.languages.semanticTokens.on(async ({ textDocument }): Promise<SemanticTokens> => {
    const document = documents.get(textDocument.uri);
    if (!document) return { data: [] };
    return (await pushTokens(document, () => freshBuilder(document.uri))).build();
  });

  connection.languages.semanticTokens.onDelta(async ({ textDocument, previousResultId }): Promise<SemanticTokens | SemanticTokensDelta> => {
    const document = documents.get(textDocument.uri);
    if (!document) return { edits: [] };
    let fresh = false;
    const builder = await pushTokens(document, () => {
      const known = builders.get(document.uri);
      if (!known) {
        fresh = true;
        return freshBuilder(document.uri);
      }
      known.previousResult(previousResultId);
      return known;
    });
    return fresh ? builder.build() : builder.buildEdits();
  });

  connection.languages.semanticTokens.onRange(async ({ textDocument, range }): Promise<SemanticTokens> => {
    const document = documents.get(textDocument.uri);
    if (!document) return { data: [] };
    const offsets = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
    return (await pushTokens(document, () => new SemanticTokensBuilder(), offsets)).build();
  });

  documents.onDidClose(({ document }) => builders.delete(document.uri));
}
