import type { LinkKind, QuoteMapArticle, QuoteMapResult, QuoteMapRow } from '../../../common/protocol';
import { countOf } from '../../../common/labels';
import { escapeHtml } from './escapeHtml';

export type QuoteMapState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; result: QuoteMapResult };

export interface QuoteMapPage {
  state: QuoteMapState;
  /** Which rendering the webview's messages refer to; a message from an older page is ignored. */
  generation: number;
  /** `webview.cspSource`: the origin the stylesheet loads from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/** Each kind gets a shape and a word besides its colour, so the map reads without colour too. */
const KIND_LABELS: Record<LinkKind, { mark: string; label: string; meaning: string }> = {
  exact: { mark: '●', label: 'exact', meaning: 'word for word' },
  partial: { mark: '◐', label: 'partial', meaning: 'part of the quote, word for word' },
  paraphrase: { mark: '○', label: 'paraphrase', meaning: 'reworded, not in quotation marks' },
};

function kindLabel(kind: string): { kind: string; mark: string; label: string } {
  return Object.hasOwn(KIND_LABELS, kind) ? { kind, ...KIND_LABELS[kind as LinkKind] } : { kind: 'unknown', mark: '?', label: escapeHtml(kind) };
}

/**
 * The quote map's whole page. Every string that comes from an article goes through `escapeHtml`; the
 * only script is the nonce-bearing bundle, which reads the `data-` indices written here.
 */
export function quoteMapHtml(page: QuoteMapPage): string {
  const csp = `default-src 'none'; style-src ${page.cspSource}; script-src 'nonce-${page.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
<title>Article Lens: Quote Map</title>
</head>
<body data-generation="${page.generation}">
<h1>Quote map</h1>
${body(page.state)}
<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>
`;
}

function body(state: QuoteMapState): string {
  switch (state.kind) {
    case 'loading':
      return '<p class="status">Loading the quotes the workspace\'s articles share…</p>';
    case 'failed':
      return `<p class="status error" role="alert">Could not load the quote map: ${escapeHtml(state.message)}</p>`;
    case 'loaded':
      return state.result.quotes.length === 0
        ? '<p class="status">No quote is carried by more than one article in this workspace yet.</p>'
        : `${summary(state.result)}\n${legend()}\n${table(state.result)}`;
  }
}

function summary({ quotes, articles, totalQuotes, totalArticles }: QuoteMapResult): string {
  const whole = `${countOf(totalQuotes, 'quote')} carried by more than one of ${countOf(totalArticles, 'article')}.`;
  const shownQuotes = quotes.length < totalQuotes ? `the ${countOf(quotes.length, 'quote')} carried most widely` : '';
  const shownArticles = articles.length < totalArticles ? `the ${countOf(articles.length, 'article')} that carry the most of them` : '';
  const shown = [shownQuotes, shownArticles].filter((part) => part !== '').join(', in ');
  const selection = shown === '' ? '' : ` Shown: ${shown}.`;
  return `<p class="summary">${whole}${selection} Select a cell to open the article there.</p>`;
}

function legend(): string {
  const entries = Object.entries(KIND_LABELS).map(
    ([kind, { mark, label, meaning }]) => `<li><span class="kind ${kind}"><span class="mark" aria-hidden="true">${mark}</span> ${label}</span> ${meaning}</li>`,
  );
  return `<ul class="legend" aria-label="Legend">${entries.join('')}</ul>`;
}

function table({ articles, quotes }: QuoteMapResult): string {
  const headers = articles.map((article) => `<th scope="col">${articleHeading(article)}</th>`).join('');
  const rows = quotes.map((row, quoteIndex) => quoteRow(row, quoteIndex, articles)).join('\n');
  return `<table>
<thead><tr><th scope="col">Quote</th>${headers}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function articleHeading({ article, outlet }: QuoteMapArticle): string {
  const outletLine = outlet ? `<span class="outlet">${escapeHtml(outlet)}</span>` : '';
  return `<span class="article">${escapeHtml(article)}</span>${outletLine}`;
}

function quoteRow(row: QuoteMapRow, quoteIndex: number, articles: QuoteMapArticle[]): string {
  const speaker = row.speaker ? escapeHtml(row.speaker) : '<em>unattributed</em>';
  const carriers = `<span class="carriers">in ${countOf(Number(row.articles), 'article')}</span>`;
  const heading = `<th scope="row"><q class="quote">${escapeHtml(row.text)}</q><span class="speaker">${speaker}</span>${carriers}</th>`;
  const buttonsByArticle = new Map<number, string[]>();
  row.cells.forEach((cell, cellIndex) => {
    const article = articles[cell.article];
    if (!article) return;
    const { kind, mark, label } = kindLabel(cell.kind);
    // Server data arrives as JSON: make sure the line is a number before it reaches the markup.
    const line = Number(cell.range.start.line) + 1;
    const name = `${label} in ${article.article}, line ${line}`;
    const button = `<button type="button" class="cell ${kind}" data-quote="${quoteIndex}" data-cell="${cellIndex}" title="${escapeHtml(cell.text)}" aria-label="${escapeHtml(name)}"><span class="mark" aria-hidden="true">${mark}</span> ${label} <span class="line">line ${line}</span></button>`;
    buttonsByArticle.set(cell.article, [...(buttonsByArticle.get(cell.article) ?? []), button]);
  });
  const cells = articles.map((_, articleIndex) => {
    const buttons = buttonsByArticle.get(articleIndex);
    return buttons ? `<td>${buttons.join('')}</td>` : '<td class="absent"><span aria-label="not in this article">–</span></td>';
  });
  return `<tr>${heading}${cells.join('')}</tr>`;
}
