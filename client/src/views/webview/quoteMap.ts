// Runs inside the quote map's webview (a browser context). The page arrives fully rendered and
// escaped by the extension; this script only turns a selected cell into a message.
import type { QuoteMapMessage } from '../quoteMapMessages';
import './quoteMap.css';

interface WebviewApi {
  postMessage(message: QuoteMapMessage): void;
}
declare function acquireVsCodeApi(): WebviewApi;

const host = acquireVsCodeApi();
const generation = Number(document.body.dataset.generation);
const CELL_SELECTOR = 'button[data-quote][data-cell]';

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest(CELL_SELECTOR) : null;
  if (!(button instanceof HTMLButtonElement)) return;
  host.postMessage({ type: 'open', generation, quote: Number(button.dataset.quote), cell: Number(button.dataset.cell) });
});

host.postMessage({ type: 'ready', generation, cells: document.querySelectorAll(CELL_SELECTOR).length });
