import type { CodeLens } from 'vscode-languageserver';
import { countOf, plainLabel } from '../../../common/labels';
import { ClientCommands, type ShowReferencesArgs } from '../../../common/protocol';
import type { FeatureContext } from './context';
import { excerpt } from './markdown';
import { quotePlaces } from './quoteLinks';
import { rangeIn } from './positions';

/** What a lens carries to its resolution: the quote it stands over. */
interface LensQuote {
  uri: string;
  quoteId: string;
}

/**
 * "quoted in N other articles" above each quote that other articles carry. Which quotes those
 * are is known at once (remembered per quote, as for the tokens); what each lens says, and the
 * places its command lists, are worked out only for the lenses the editor shows
 * (`codeLens/resolve`). Working them out for every lens at once took about 3 s for the 100 KB
 * article in a corpus of 5,000, on the thread that answers keystrokes.
 */
export function registerCodeLens({ connection, documents, analyses, corpus, links }: FeatureContext): void {
  connection.onCodeLens(async ({ textDocument }): Promise<CodeLens[]> => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const article = await analyses.get(document);
    if (!article.analysis) return [];
    const linked = links.linkedQuoteIds(article);
    return article.analysis.quotes
      .filter((quote) => linked.has(quote.id))
      .map((quote) => ({ range: rangeIn(article, quote.start, quote.end), data: { uri: article.uri, quoteId: quote.id } satisfies LensQuote }));
  });

  connection.onCodeLensResolve(async (lens): Promise<CodeLens> => {
    const target = lensQuote(lens.data);
    const document = target && documents.get(target.uri);
    const article = document ? await analyses.get(document) : target && corpus.get(target.uri);
    const quote = target && article?.analysis?.quotes.find((candidate) => candidate.id === target.quoteId);
    if (!article || !quote) return { ...lens, command: { title: 'no longer quoted in other articles', command: '' } };
    const { occurrences, paraphrases } = quotePlaces(corpus, links, article, quote);
    const others = new Set(occurrences.filter((occurrence) => occurrence.uri !== article.uri).map((occurrence) => occurrence.uri)).size;
    const range = rangeIn(article, quote.start, quote.end);
    const args: ShowReferencesArgs = {
      uri: article.uri,
      position: range.start,
      locations: [...occurrences, ...paraphrases].map(({ uri, range: place }) => ({ uri, range: place })),
    };
    const paraphraseNote = paraphrases.length > 0 ? `, paraphrased in ${paraphrases.length}` : '';
    return {
      ...lens,
      command: {
        title: `“${plainLabel(excerpt(quote.text, 40))}” quoted in ${countOf(others, 'other article')}${paraphraseNote}`,
        command: ClientCommands.showReferences,
        arguments: [args],
      },
    };
  });
}

/** The lens's quote, if its data is one (it comes back from the client). */
function lensQuote(data: unknown): LensQuote | null {
  if (typeof data !== 'object' || data === null) return null;
  const { uri, quoteId } = data as Partial<LensQuote>;
  return typeof uri === 'string' && typeof quoteId === 'string' ? { uri, quoteId } : null;
}
