import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { plainLabel } from '../../../common/labels';
import type { Article } from '../corpus/corpus';
import type { Quote } from '../engine';
import type { FeatureContext } from './context';
import { excerpt } from './markdown';
import { rangeIn } from './positions';

const MAX_WORKSPACE_SYMBOLS = 200;

/** The outline (speakers with their quotes, unattributed quotes, outlets) and workspace symbol search. */
export function registerSymbols({ connection, documents, analyses, corpus }: FeatureContext): void {
  connection.onDocumentSymbol(async ({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const article = await analyses.get(document);
    return article.analysis ? outline(article) : [];
  });

  connection.onWorkspaceSymbol(({ query }) => {
    const needle = query.trim().toLowerCase();
    const found: SymbolInformation[] = [];
    for (const article of corpus.all()) {
      for (const speaker of article.analysis?.speakers ?? []) {
        const first = speaker.mentions[0];
        if (first && speaker.name.toLowerCase().includes(needle)) {
          found.push({ name: plainLabel(speaker.name), kind: SymbolKind.Object, location: { uri: article.uri, range: rangeIn(article, first.start, first.end) } });
        }
      }
      for (const quote of article.analysis?.quotes ?? []) {
        if (quote.text.toLowerCase().includes(needle)) {
          found.push({
            name: `“${plainLabel(excerpt(quote.text, 80))}”`,
            kind: SymbolKind.String,
            containerName: quote.speaker === null ? undefined : plainLabel(quote.speaker),
            location: { uri: article.uri, range: rangeIn(article, quote.start, quote.end) },
          });
        }
      }
      if (found.length >= MAX_WORKSPACE_SYMBOLS) break;
    }
    return found.slice(0, MAX_WORKSPACE_SYMBOLS);
  });
}

function outline(article: Article): DocumentSymbol[] {
  const analysis = article.analysis!;
  const quoteSymbol = (quote: Quote): DocumentSymbol => {
    const range = rangeIn(article, quote.start, quote.end);
    return { name: `“${plainLabel(excerpt(quote.text, 80))}”`, kind: SymbolKind.String, range, selectionRange: range };
  };
  const symbols: DocumentSymbol[] = [];
  for (const speaker of analysis.speakers) {
    const mentions = [...speaker.mentions].sort((a, b) => a.start - b.start);
    const quotes = analysis.quotes.filter((quote) => quote.speaker === speaker.name);
    const first = mentions[0];
    if (!first) continue;
    const spans = [...mentions, ...quotes];
    const range = rangeIn(article, Math.min(...spans.map((span) => span.start)), Math.max(...spans.map((span) => span.end)));
    symbols.push({
      name: plainLabel(speaker.name),
      detail: `${quotes.length} quote${quotes.length === 1 ? '' : 's'}`,
      kind: speaker.kind === 'person' ? SymbolKind.Object : SymbolKind.Namespace,
      range,
      selectionRange: rangeIn(article, first.start, first.end),
      children: quotes.map(quoteSymbol),
    });
  }
  const unattributed = analysis.quotes.filter((quote) => quote.speaker === null);
  if (unattributed.length > 0) {
    const range = rangeIn(article, Math.min(...unattributed.map((quote) => quote.start)), Math.max(...unattributed.map((quote) => quote.end)));
    symbols.push({ name: 'Unattributed quotes', kind: SymbolKind.Array, range, selectionRange: rangeIn(article, unattributed[0]!.start, unattributed[0]!.end), children: unattributed.map(quoteSymbol) });
  }
  for (const outlet of analysis.outlets) {
    const first = outlet.mentions[0];
    if (!first) continue;
    const range = rangeIn(article, first.start, first.end);
    symbols.push({ name: plainLabel(outlet.name), detail: `outlet, ${outlet.mentions.length} mention${outlet.mentions.length === 1 ? '' : 's'}`, kind: SymbolKind.Module, range, selectionRange: range });
  }
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
