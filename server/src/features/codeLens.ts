import type { CodeLens, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ClientCommands, type ShowReferencesArgs } from '../../../common/protocol';
import type { Corpus } from '../corpus/corpus';
import type { CorpusLinks } from '../corpus/corpusLinks';
import type { DocumentAnalyses } from '../documentAnalyses';
import { plainLabel } from '../../../common/labels';
import { excerpt } from './markdown';
import { quoteLinks } from './quoteLinks';
import { rangeIn } from './positions';

/** "quoted in N other articles" above each paragraph holding a quote that other articles carry. */
export function registerCodeLens(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyses: DocumentAnalyses,
  corpus: Corpus,
  links: CorpusLinks,
): void {
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
