import assert from 'node:assert/strict';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { QuoteMapResult } from '../../common/protocol';
import { quoteMapHtml, type QuoteMapState } from '../../client/src/views/quoteMapHtml';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '[x](command:evil)',
  '`${process.exit()}` and ``code``',
  '$(icon) $(sync~spin)',
  '"><script>alert(2)</script>',
  "' onmouseover='alert(3)",
  '&amp; stays &lt;literal&gt;',
  '</td></tr></table><button data-quote="0" data-cell="0">fake</button>',
];

const range = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 9 } });

/** A map where every article-derived string is hostile. */
function hostileMap(): QuoteMapResult {
  return {
    articles: HOSTILE.map((text, index) => ({ uri: `file:///articles/${index}.txt`, article: text, outlet: index % 2 ? text : null })),
    quotes: HOSTILE.map((text, index) => ({
      id: `q${index}`,
      text,
      speaker: index % 3 ? text : null,
      articles: 2,
      cells: [
        { article: index, kind: 'exact', range: range(index), text },
        { article: (index + 1) % HOSTILE.length, kind: index % 2 ? 'partial' : 'paraphrase', range: range(index + 10), text },
      ],
    })),
    totalArticles: HOSTILE.length,
    totalQuotes: HOSTILE.length,
  };
}

function render(state: QuoteMapState, generation = 7): string {
  return quoteMapHtml({
    state,
    generation,
    cspSource: 'https://webview.example',
    nonce: 'n0nce+/=',
    scriptUri: 'https://webview.example/dist/webview/quoteMap.js',
    styleUri: 'https://webview.example/dist/webview/quoteMap.css',
  });
}

function elements(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  const own = 'tagName' in node ? [node] : [];
  return [...own, ...children.flatMap((child) => elements(child))];
}

function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;
const byClass = (all: Element[], name: string): Element[] => all.filter((element) => (attribute(element, 'class') ?? '').split(' ').includes(name));

describe('the quote map page', () => {
  const map = hostileMap();
  const all = elements(parse(render({ kind: 'loaded', result: map })));

  it('renders hostile article text only as text, never as markup', () => {
    const allowed = new Set(['html', 'head', 'body', 'meta', 'link', 'title', 'h1', 'p', 'ul', 'li', 'span', 'em', 'q', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'button', 'script']);
    const unexpected = all.filter((element) => !allowed.has(element.tagName)).map((element) => element.tagName);
    assert.deepEqual(unexpected, []);
    for (const element of all) {
      for (const attr of element.attrs) assert.ok(!attr.name.startsWith('on'), `<${element.tagName}> has an event handler attribute ${attr.name}`);
    }
    assert.equal(all.filter((element) => element.tagName === 'script').length, 1);
  });

  it('shows every quote, speaker, article and outlet exactly as written', () => {
    assert.deepEqual(byClass(all, 'quote').map(textOf), map.quotes.map((row) => row.text));
    assert.deepEqual(byClass(all, 'speaker').map(textOf), map.quotes.map((row) => row.speaker ?? 'unattributed'));
    assert.deepEqual(byClass(all, 'article').map(textOf), map.articles.map((article) => article.article));
    assert.deepEqual(byClass(all, 'outlet').map(textOf), map.articles.flatMap((article) => (article.outlet ? [article.outlet] : [])));
  });

  it('puts one button per cell, in its article column, carrying the cell text only in attributes', () => {
    const buttons = all.filter((element) => element.tagName === 'button');
    assert.equal(buttons.length, map.quotes.reduce((sum, row) => sum + row.cells.length, 0));
    for (const button of buttons) {
      const row = map.quotes[Number(attribute(button, 'data-quote'))];
      const cell = row?.cells[Number(attribute(button, 'data-cell'))];
      assert.ok(cell, `a button points at no cell: ${JSON.stringify(button.attrs)}`);
      assert.equal(attribute(button, 'title'), cell.text);
      assert.match(attribute(button, 'aria-label') ?? '', new RegExp(`^${cell.kind} in `));
      const td = button.parentNode as Element;
      const tr = td.parentNode as Element;
      const columns = tr.childNodes.filter((child): child is Element => 'tagName' in child);
      assert.equal(columns.indexOf(td) - 1, cell.article, 'the button stands in its article column');
    }
  });

  it('labels each kind with a word, not colour alone', () => {
    for (const kind of ['exact', 'partial', 'paraphrase']) {
      const cells = byClass(all, 'cell').filter((button) => byClass([button], kind).length > 0);
      assert.ok(cells.length > 0, `no ${kind} cell`);
      for (const cell of cells) assert.match(textOf(cell), new RegExp(`\\b${kind}\\b`));
    }
  });

  it('declares a strict content security policy and loads only the nonce-bearing script', () => {
    const csp = all.find((element) => attribute(element, 'http-equiv') === 'Content-Security-Policy');
    assert.equal(attribute(csp!, 'content'), "default-src 'none'; style-src https://webview.example; script-src 'nonce-n0nce+/=';");
    const [script] = all.filter((element) => element.tagName === 'script');
    assert.equal(attribute(script!, 'nonce'), 'n0nce+/=');
    assert.equal(attribute(script!, 'src'), 'https://webview.example/dist/webview/quoteMap.js');
    assert.equal(textOf(script!), '');
    assert.ok(all.every((element) => attribute(element, 'style') === undefined && element.tagName !== 'style'));
    assert.equal(attribute(all.find((element) => element.tagName === 'body')!, 'data-generation'), '7');
  });

  it('escapes a failure message and renders no table for it', () => {
    const failed = elements(parse(render({ kind: 'failed', message: HOSTILE[0]! })));
    assert.ok(!failed.some((element) => element.tagName === 'img' || element.tagName === 'table'));
    assert.ok(failed.some((element) => element.attrs.some((attr) => attr.value === 'alert') && textOf(element).includes(HOSTILE[0]!)));
  });

  it('says so when no quote is shared, instead of an empty table', () => {
    const empty = elements(parse(render({ kind: 'loaded', result: { articles: map.articles, quotes: [], totalArticles: 0, totalQuotes: 0 } })));
    assert.ok(!empty.some((element) => element.tagName === 'table'));
    assert.match(empty.map(textOf).join(''), /No quote is carried by more than one article/);
  });

  it('says how many quotes and articles there are when it shows only some, and how widely each row is carried', () => {
    const shown = hostileMap();
    const page = render({ kind: 'loaded', result: { ...shown, quotes: shown.quotes.map((row) => ({ ...row, articles: 1778 })), totalArticles: 4947, totalQuotes: 61 } });
    const text = textOf(parse(page));
    assert.match(text, /61 quotes carried by more than one of 4,947 articles\. Shown: the 8 quotes carried most widely, in the 8 articles that carry the most of them\./);
    assert.equal((text.match(/in 1,778 articles/g) ?? []).length, shown.quotes.length);
    const whole = textOf(parse(render({ kind: 'loaded', result: shown })));
    assert.match(whole, /8 quotes carried by more than one of 8 articles\. Select a cell/);
    assert.doesNotMatch(whole, /Shown:/);
  });

  it('puts each cell in its own article\'s column, and none in another', () => {
    const map = hostileMap();
    const document = parse(render({ kind: 'loaded', result: map }));
    const rows = elements(document).filter((element) => element.tagName === 'tr').slice(1);
    assert.equal(rows.length, map.quotes.length);
    rows.forEach((row, quoteIndex) => {
      const columns = row.childNodes.filter((child): child is Element => 'tagName' in child && child.tagName === 'td');
      assert.equal(columns.length, map.articles.length);
      columns.forEach((column, articleIndex) => {
        const cells = elements(column).filter((element) => element.tagName === 'button').map((button) => Number(attribute(button, 'data-cell')));
        const expected = map.quotes[quoteIndex]!.cells.flatMap((cell, cellIndex) => (cell.article === articleIndex ? [cellIndex] : []));
        assert.deepEqual(cells, expected, `row ${quoteIndex}, column ${articleIndex}`);
      });
    });
  });
});
