/**
 * Messages the quote map's webview posts to the extension. The webview renders untrusted article
 * text, so the extension treats whatever arrives as unknown until `parseQuoteMapMessage` accepts it.
 * Cells are named by index into the map the extension rendered (`generation`), never by URI.
 */
export type QuoteMapMessage =
  | { type: 'ready'; generation: number; cells: number }
  | { type: 'open'; generation: number; quote: number; cell: number };

const isIndex = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export function parseQuoteMapMessage(value: unknown): QuoteMapMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (!isIndex(message.generation)) return undefined;
  if (message.type === 'ready' && isIndex(message.cells)) {
    return { type: 'ready', generation: message.generation, cells: message.cells };
  }
  if (message.type === 'open' && isIndex(message.quote) && isIndex(message.cell)) {
    return { type: 'open', generation: message.generation, quote: message.quote, cell: message.cell };
  }
  return undefined;
}
