import type { CodeLens } from 'vscode-languageserver';
import { plainLabel } from '../../../common/labels';
import { ClientCommands, type ShowReferencesArgs } from '../../../common/protocol';
import type { FeatureContext } from './context';
import { excerpt } from './markdown';
import { quoteLinks } from './quoteLinks';
import { rangeIn } from './positions';

/** "quoted in N other articles" above each paragraph holding a quote that other articles carry. */
export function registerCodeLens({ connection, documents, analyses, corpus, links }: FeatureContext): void {
  connection.onCodeLens(async ({ textDocument }): Promise<CodeLens[]> => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const article = await analyses.get(document);
    if (!article.analysis) return [];
    const lenses: CodeLens[] = [];
    for (const quote of article.analysis.quotes) {
      const { occurrences, paraphrases } = quoteLinks(corpus, links, article, quote);
      const others = new Set(occurrences.filter((occurrence) => occurrence.uri !== article.uri).map((occurrence) => occurrence.uri)).size;
      if (others === 0) continue;
      const range = rangeIn(article, quote.start, quote.end);
      const args: ShowReferencesArgs = {
        uri: article.uri,
        position: range.start,
        locations: [...occurrences, ...paraphrases].map(({ uri, range: target }) => ({ uri, range: target })),
      };
      const paraphraseNote = paraphrases.length > 0 ? `, paraphrased in ${paraphrases.length}` : '';
      lenses.push({
        range,
        command: {
          title: `“${plainLabel(excerpt(quote.text, 40))}” quoted in ${others} other article${others === 1 ? '' : 's'}${paraphraseNote}`,
          command: ClientCommands.showReferences,
          arguments: [args],
        },
      });
    }
    return lenses;
  });
}
