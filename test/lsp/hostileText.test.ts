import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { CodeLens, DocumentSymbol, Hover, SemanticTokens, SymbolInformation } from 'vscode-languageserver-protocol';
import { ClientCommands, QuoteMapRequest, SpeakersRequest, type CorpusSpeaker, type QuoteMapResult } from '../../common/protocol';
import { quoteMapHtml } from '../../client/src/views/quoteMapHtml';
import { LspServer } from './support/lspServer';
import { decodeTokens } from './support/tokens';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Article text that would be markup, a link, a command, an image, code or an icon if anything rendered it as such. */
const HOSTILE = [
  '[link](https://evil.example/x)',
  '[run](command:workbench.action.terminal.new)',
  // This extension's own command with forged arguments: trusted by id, so it must never become a link either.
  '[open](command:articleLens.openLocation?%5B%7B%22uri%22%3A%22file%3A%2F%2F%2Fetc%2Fpasswd%22%7D%5D)',
  '![img](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="command:workbench.action.reloadWindow">click</a>',
  '<b>bold</b>',
  '<svg onload=alert(1)>',
  '<iframe src=https://evil.example>',
  '<!-- hidden -->',
  '`code span`',
  '```fenced```',
  '$(zap)',
  '$(sync~spin)',
  '\\$(escaped)',
  'command:workbench.action.reloadWindow',
  'https://evil.example/bare',
  '<https://evil.example/angle>',
  'www.evil.example',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'mailto:someone@evil.example',
  '**strong**',
  '_emphasis_',
  '~~struck~~',
  '# heading',
  '> blockquote',
  '| a | b |',
  '&lt;script&gt;',
  '&#x3C;img&#x3E;',
  '[ref][1]',
  '[1]: https://evil.example/ref',
  '](command:x)',
  '\\](command:x)',
  '{{template}}',
  '%7B%22uri%22%7D',
  '\u202Eevil\u202C',
  '<style>*{display:none}</style>',
  '<input autofocus onfocus=alert(1)>',
];

/** File names can be hostile too: they label the links in hovers. */
const HOSTILE_NAMES = ['[x](command:evil) $(zap).txt', '<img src=x onerror=alert(1)> `tick`.txt'];

/** What VS Code's hover renders markdown into (marked), allowed to hold only these elements. */
const HOVER_ELEMENTS = new Set(['p', 'strong', 'a', 'hr', 'ul', 'li', 'br']);
const QUOTE_MAP_ELEMENTS = new Set(['html', 'head', 'body', 'meta', 'link', 'title', 'h1', 'p', 'ul', 'li', 'span', 'em', 'q', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'button', 'script']);
/** VS Code's icon syntax in labels, unless escaped by a backslash. */
const ICON = /(?<!\\)\$\([a-z0-9-]+(?:~[a-z0-9-]*)?\)/i;

function elementsOf(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  const own = 'tagName' in node ? [node] : [];
  const content = 'content' in node ? elementsOf(node.content) : [];
  return [...own, ...content, ...children.flatMap(elementsOf)];
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

describe('hostile article text over LSP: shown as text in every hover, label and view', function () {
  this.timeout(120_000);
  let folder: string;
  let server: LspServer;
  const uris: string[] = [];
  const hoverTexts: string[] = [];

  // One article quotes every hostile string; a second carries the same quotes, so they are linked
  // (hover lists, code lenses, the quote map); a third says them without quote marks (paraphrases).
  // Words of their own per quote (no run of six shared), so each quote is its own cluster.
  const quoteOf = (hostile: string, index: number): string =>
    `${hostile} means ${['harbour', 'budget', 'council', 'promise', 'ferry', 'school'].map((word) => `${word}${index}`).join(' ')} for this town`;
  const articles: Record<string, string> = {
    [HOSTILE_NAMES[0]!]: HOSTILE.map((hostile, index) => `“${quoteOf(hostile, index)},” said Maria Lopez, the mayor of Springfield.\n\nA spokesperson for ${hostile} said the plan was final, according to Reuters.`).join('\n\n'),
    [HOSTILE_NAMES[1]!]: HOSTILE.map((hostile, index) => `Mayor Maria Lopez told CNN on Monday: “${quoteOf(hostile, index)}.”`).join('\n\n'),
    'plain.txt': `Springfield council minutes, Monday.\n\n${HOSTILE.map((hostile, index) => `Officials noted that ${quoteOf(hostile, index)}.`).join('\n\n')}`,
  };

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'article-lens-hostile-'));
    mkdirSync(join(folder, 'articles'));
    for (const [name, text] of Object.entries(articles)) {
      writeFileSync(join(folder, 'articles', name), text);
      uris.push(pathToFileURL(join(folder, 'articles', name)).toString());
    }
    server = await LspServer.start(folder);
    await server.corpusReady(3);
  });

  after(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Renders a hover as VS Code does (markdown to HTML) and checks it holds only text, formatting and our own links. */
  async function assertInertHover(markdown: string, where: string): Promise<void> {
    assert.doesNotMatch(markdown, ICON, `${where}: icon syntax survives`);
    // marked is what VS Code renders hovers with; it ships as an ES module.
    const { marked } = await import('marked');
    const fragment = parseFragment(marked.parse(markdown, { async: false, gfm: true }));
    for (const element of elementsOf(fragment)) {
      assert.ok(HOVER_ELEMENTS.has(element.tagName), `${where}: renders a <${element.tagName}>:\n${markdown}`);
      if (element.tagName !== 'a') continue;
      const href = attribute(element, 'href') ?? '';
      const prefix = `command:${ClientCommands.openLocation}?`;
      assert.ok(href.startsWith(prefix), `${where}: links to ${href}`);
      const [target] = JSON.parse(decodeURIComponent(href.slice(prefix.length))) as { uri: string }[];
      assert.ok(target && uris.includes(target.uri), `${where}: a link opens ${target?.uri}, not an article of the workspace`);
    }
    hoverTexts.push(textOf(fragment).replace(/\s+/g, ' '));
  }

  it('renders every hover (quote, speaker, outlet, attribution) as text, with links only to this extension’s command', async () => {
    const kinds = new Set<string>();
    let hovers = 0;
    for (const [index, uri] of uris.entries()) {
      const text = Object.values(articles)[index]!;
      await server.open(uri, text);
      const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      const decoded = decodeTokens(tokens.data, server.legend, text);
      assert.ok(decoded.length > HOSTILE.length, `only ${decoded.length} tokens in ${uri}`);
      for (const token of decoded) {
        const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: token.line, character: token.character } });
        assert.ok(hover, `no hover on the ${token.type} "${token.text}"`);
        const { value } = hover.contents as { value: string };
        kinds.add(/^\*\*([^*]+)\*\*/.exec(value)?.[1] ?? 'unknown');
        await assertInertHover(value, `hover on the ${token.type} "${token.text}" in ${uri}`);
        hovers++;
      }
    }
    assert.deepEqual([...kinds].sort(), ['Attribution', 'News outlet', 'Quote', 'Speaker'], `hover kinds seen: ${[...kinds].join(', ')} in ${hovers} hovers`);
    const joined = hoverTexts.join('\n');
    for (const hostile of HOSTILE) assert.ok(joined.includes(hostile.replace(/\s+/g, ' ')), `no hover shows ${JSON.stringify(hostile)} as text`);
    for (const name of HOSTILE_NAMES) assert.ok(joined.includes(name), `no hover names the article ${JSON.stringify(name)} as text`);
  });

  it('keeps icon syntax out of code lens titles and symbol names, and lenses run only this extension’s command', async () => {
    let lensCount = 0;
    for (const uri of uris) {
      const unresolved = await server.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      const lenses = await Promise.all(unresolved.map((lens) => server.connection.sendRequest<CodeLens>('codeLens/resolve', lens)));
      for (const lens of lenses) {
        lensCount++;
        assert.equal(lens.command?.command, ClientCommands.showReferences);
        assert.doesNotMatch(lens.command?.title ?? '', ICON, `lens title ${lens.command?.title}`);
      }
      const outline = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const names = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((symbol) => [symbol.name, ...names(symbol.children ?? [])]);
      for (const name of names(outline)) assert.doesNotMatch(name, ICON, `outline name ${name}`);
    }
    assert.ok(lensCount >= HOSTILE.length, `only ${lensCount} code lenses`);
    const symbols = await server.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.ok(symbols.length > HOSTILE.length, `only ${symbols.length} workspace symbols`);
    for (const symbol of symbols) {
      assert.doesNotMatch(symbol.name, ICON, `workspace symbol ${symbol.name}`);
      assert.doesNotMatch(symbol.containerName ?? '', ICON, `workspace symbol container ${symbol.containerName}`);
    }
    // Icon syntax is defused, not dropped: the text still reads "$(zap)".
    assert.ok(symbols.some((symbol) => symbol.name.replace(/\u2060/g, '').includes('$(zap)')), 'the $(zap) quote lost its text');
  });

  it('keeps hostile text as data in the quote map and speakers requests, and as text in the quote map page', async () => {
    const map = await server.connection.sendRequest<QuoteMapResult>(QuoteMapRequest.method);
    const cellTexts = map.quotes.flatMap((row) => [row.text, ...row.cells.map((cell) => cell.text)]).join('\n');
    for (const hostile of HOSTILE) assert.ok(cellTexts.includes(hostile), `the quote map lost ${JSON.stringify(hostile)}`);
    const page = quoteMapHtml({ state: { kind: 'loaded', result: map }, generation: 1, cspSource: 'https://webview.example', nonce: 'n0nce', scriptUri: 'https://webview.example/quoteMap.js', styleUri: 'https://webview.example/quoteMap.css' });
    const document = parseFragment(page);
    const elements = elementsOf(document);
    for (const element of elements) {
      assert.ok(QUOTE_MAP_ELEMENTS.has(element.tagName), `the quote map renders a <${element.tagName}>`);
      for (const attr of element.attrs) assert.ok(!/^on/i.test(attr.name), `<${element.tagName}> has a ${attr.name} handler`);
    }
    assert.equal(elements.filter((element) => element.tagName === 'script').length, 1, 'one script: the nonce-bearing bundle');
    // Cells show their quote's text as a tooltip (the title attribute).
    const pageText = [textOf(document), ...elements.map((element) => attribute(element, 'title') ?? '')].join('\n');
    for (const hostile of HOSTILE) assert.ok(pageText.includes(hostile), `the quote map page does not show ${JSON.stringify(hostile)} as text`);

    const { speakers } = await server.connection.sendRequest<{ speakers: CorpusSpeaker[] }>(SpeakersRequest.method);
    const lopez = speakers.find((speaker) => speaker.name.includes('Lopez'));
    assert.ok(lopez, `no Lopez among ${speakers.map((speaker) => speaker.name).join(', ')}`);
    const spoken = lopez.quotes.map((quote) => quote.text).join('\n');
    for (const hostile of HOSTILE) assert.ok(spoken.includes(hostile), `Lopez's quotes lost ${JSON.stringify(hostile)}`);
  });
});
