import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { plainLabel } from '../../../common/labels';
import {
  ClientCommands,
  CorpusStatusNotification,
  QuoteMapRequest,
  QuoteOccurrencesRequest,
  SpeakersRequest,
  type CorpusSpeaker,
  type CorpusStatusParams,
  type QuoteMapResult,
  type QuoteOccurrence,
} from '../../../common/protocol';
import { QuoteMapPanel, type QuoteMapReady } from '../../../client/src/views/quoteMap';
import { SpeakersTreeProvider, type SpeakersTreeNode } from '../../../client/src/views/speakersTree';
import { FakeCorpusClient } from '../support/fakeCorpusClient';
import { waitFor } from '../support/waitFor';
import { workspaceFile } from '../support/workspaceFile';

const EXTENSION_ID = 'article-lens.article-lens';
const HOSTILE = '<img src=x onerror=alert(1)> [x](command:evil) `tick` $(icon)';
/** Markup that would add a clickable cell if the page parsed article text as HTML. */
const FAKE_CELL = '</td><td><button data-quote="0" data-cell="0">forged</button>';

interface Place {
  uri: string;
  article: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Where `phrase` first stands in a seed article: a real target for openLocation. */
async function placeOf(article: string, phrase: string): Promise<Place> {
  const uri = workspaceFile(article);
  const document = await vscode.workspace.openTextDocument(uri);
  const at = document.getText().indexOf(phrase);
  assert.ok(at >= 0, `"${phrase}" is not in ${article}`);
  const start = document.positionAt(at);
  const end = document.positionAt(at + phrase.length);
  return { uri: uri.toString(), article, range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } } };
}

const status = (indexing: boolean): CorpusStatusParams => ({ indexing, articles: 5, skipped: 0, speakers: 3, quotes: 4, linkedQuotes: 1, countedRevision: 1 });

async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  await extension.activate();
}

/** Waits until the active editor shows `place` selected. */
function waitForSelection(place: Place): Promise<true> {
  return waitFor(`an editor on ${place.article} selecting line ${place.range.start.line + 1}`, () => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.uri.toString() !== place.uri) return undefined;
    const { start, end } = editor.selection;
    const expected = place.range;
    const matches =
      start.line === expected.start.line && start.character === expected.start.character && end.line === expected.end.line && end.character === expected.end.character;
    return matches ? true : undefined;
  });
}

describe('the Speakers tree', () => {
  let client: FakeCorpusClient;
  let provider: SpeakersTreeProvider;
  let tweet: Place;
  let retaliation: Place;

  before(async () => {
    tweet = await placeOf('000_198c190caa6527b1.txt', 'never lost a negotiation');
    retaliation = await placeOf('001_737dabe0ebce7f11.txt', 'harsh retaliation');
  });

  beforeEach(() => {
    const negotiation = { uri: tweet.uri, quoteId: 'q1' };
    const hostile = { uri: retaliation.uri, quoteId: 'q7' };
    const speakers: CorpusSpeaker[] = [
      { name: 'Rarely Quoted', aliases: [], mentions: 9, quotes: [] },
      {
        name: HOSTILE,
        aliases: ['Alias One'],
        mentions: 4,
        quotes: [
          { text: 'never lost a negotiation', articles: 2, ref: negotiation },
          { text: HOSTILE, articles: 1, ref: hostile },
        ],
      },
    ];
    const places = new Map<string, QuoteOccurrence[]>([
      [
        JSON.stringify(negotiation),
        [
          { ...tweet, outlet: 'Outlet A', kind: 'exact' },
          { ...retaliation, outlet: null, kind: 'paraphrase' },
        ],
      ],
      [JSON.stringify(hostile), [{ ...retaliation, outlet: HOSTILE, kind: 'partial' }]],
    ]);
    client = new FakeCorpusClient();
    client.answer(SpeakersRequest, () => ({ speakers }));
    client.answer(QuoteOccurrencesRequest, (ref) => places.get(JSON.stringify({ uri: ref.uri, quoteId: ref.quoteId })) ?? []);
    provider = new SpeakersTreeProvider(client);
  });

  afterEach(() => provider.dispose());

  async function occurrences(): Promise<SpeakersTreeNode[]> {
    const [first] = await provider.getChildren();
    const [quote] = await provider.getChildren(first);
    return provider.getChildren(quote);
  }

  it('lists the most quoted speakers first, with their counts', async () => {
    const items = (await provider.getChildren()).map((node) => provider.getTreeItem(node));
    // The hostile name's "$(icon)" is kept from becoming an icon (plainLabel), and otherwise shown as is.
    assert.deepEqual(items.map((item) => item.label), [plainLabel(HOSTILE), 'Rarely Quoted']);
    assert.notEqual(plainLabel(HOSTILE), HOSTILE, 'the hostile name holds icon syntax');
    assert.equal(items[0]!.description, '2 quotes, 4 mentions');
    assert.equal(items[0]!.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(items[1]!.collapsibleState, vscode.TreeItemCollapsibleState.None, 'a speaker without quotes has nothing to expand');
  });

  it('keeps article text as plain strings, never markdown', async () => {
    const [speaker] = await provider.getChildren();
    const quotes = await provider.getChildren(speaker);
    for (const node of [speaker!, ...quotes, ...(await provider.getChildren(quotes[1]))]) {
      const item = provider.getTreeItem(node);
      assert.equal(typeof item.tooltip, 'string', `${String(item.label)} has a ${typeof item.tooltip} tooltip`);
      assert.equal(typeof item.label, 'string');
    }
  });

  it('shows each quote with the number of articles that carry it', async () => {
    const [speaker] = await provider.getChildren();
    const items = (await provider.getChildren(speaker)).map((node) => provider.getTreeItem(node));
    assert.deepEqual(
      items.map((item) => item.description),
      ['in 2 articles', 'in 1 article'],
    );
    assert.equal(items[0]!.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  it('asks where a quote stands only when the quote is expanded, by its reference', async () => {
    const [speaker] = await provider.getChildren();
    const [, second] = await provider.getChildren(speaker);
    assert.equal(client.count(QuoteOccurrencesRequest), 0, 'asked for places before any quote was expanded');
    const places = await provider.getChildren(second);
    assert.equal(client.count(QuoteOccurrencesRequest), 1);
    assert.deepEqual(client.requests.at(-1)?.params, { uri: retaliation.uri, quoteId: 'q7' });
    assert.deepEqual(
      places.map((node) => provider.getTreeItem(node).contextValue),
      ['occurrence.partial'],
    );
  });

  it('reports a quote whose places cannot be listed as the view message', async () => {
    const messages: (string | undefined)[] = [];
    const subscription = provider.onDidChangeMessage((message) => messages.push(message));
    client.fail(QuoteOccurrencesRequest, 'Request cancelled');
    assert.deepEqual(await occurrences(), []);
    assert.equal(messages.at(-1), 'Could not list where the quote stands: Request cancelled');
    subscription.dispose();
  });

  it('shows each occurrence with its article, outlet and line, marking paraphrases apart', async () => {
    const [exact, paraphrase] = (await occurrences()).map((node) => provider.getTreeItem(node));
    assert.equal(exact!.label, tweet.article);
    assert.equal(exact!.description, `Outlet A · line ${tweet.range.start.line + 1}`);
    assert.equal(paraphrase!.label, retaliation.article);
    assert.equal(paraphrase!.description, `line ${retaliation.range.start.line + 1} · paraphrase`);
    const icon = (item: vscode.TreeItem): string => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : String(item.iconPath));
    assert.notEqual(icon(exact!), icon(paraphrase!));
    assert.equal(paraphrase!.contextValue, 'occurrence.paraphrase');
  });

  it('opens the article at the quote when an occurrence is clicked', async () => {
    await activateExtension();
    const [exact] = (await occurrences()).map((node) => provider.getTreeItem(node));
    const command = exact!.command;
    assert.equal(command?.command, ClientCommands.openLocation);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await waitForSelection(tweet);
  });

  it('knows every node\'s parent, so the view can reveal an occurrence', async () => {
    const [speaker] = await provider.getChildren();
    const [quote] = await provider.getChildren(speaker);
    const [occurrence] = await provider.getChildren(quote);
    assert.equal(provider.getParent(occurrence!), quote);
    assert.equal(provider.getParent(quote!), speaker);
    assert.equal(provider.getParent(speaker!), undefined);
  });

  it('refreshes when the corpus has been indexed, not while it indexes', () => {
    let changes = 0;
    const subscription = provider.onDidChangeTreeData(() => (changes += 1));
    client.notify(CorpusStatusNotification, status(true));
    assert.equal(changes, 0);
    client.notify(CorpusStatusNotification, status(false));
    assert.equal(changes, 1);
    subscription.dispose();
  });

  it('reports a failed request as the view message and shows no speakers', async () => {
    const messages: (string | undefined)[] = [];
    const subscription = provider.onDidChangeMessage((message) => messages.push(message));
    client.fail(SpeakersRequest, 'Client is not running');
    assert.deepEqual(await provider.getChildren(), []);
    assert.deepEqual(messages, ['Could not list the speakers: Client is not running']);
    client.answer(SpeakersRequest, () => ({ speakers: [] }));
    await provider.getChildren();
    assert.deepEqual(messages, ['Could not list the speakers: Client is not running', undefined]);
    subscription.dispose();
  });
});

describe('the Quote Map panel', () => {
  let client: FakeCorpusClient;
  let panel: QuoteMapPanel;
  let map: QuoteMapResult;
  let tweet: Place;
  let retaliation: Place;

  /** Resolves with the first report from the webview's script that satisfies `accept`. */
  function nextReady(accept: (ready: QuoteMapReady) => boolean): Promise<QuoteMapReady> {
    return new Promise((resolve) => {
      const subscription = panel.onDidLoadScript((ready) => {
        if (!accept(ready)) return;
        subscription.dispose();
        resolve(ready);
      });
    });
  }

  const cellCount = (result: QuoteMapResult): number => result.quotes.reduce((sum, row) => sum + row.cells.length, 0);

  before(async () => {
    await activateExtension();
    tweet = await placeOf('000_198c190caa6527b1.txt', 'never lost a negotiation');
    retaliation = await placeOf('001_737dabe0ebce7f11.txt', 'harsh retaliation');
  });

  beforeEach(() => {
    map = {
      articles: [
        { uri: tweet.uri, article: tweet.article, outlet: HOSTILE },
        { uri: retaliation.uri, article: retaliation.article, outlet: null },
      ],
      quotes: [
        {
          id: 'q1',
          text: `${HOSTILE}${FAKE_CELL}`,
          speaker: FAKE_CELL,
          articles: 2,
          cells: [
            { article: 0, kind: 'exact', range: tweet.range, text: FAKE_CELL },
            { article: 1, kind: 'paraphrase', range: retaliation.range, text: HOSTILE },
          ],
        },
      ],
      totalArticles: 2,
      totalQuotes: 1,
    };
    client = new FakeCorpusClient();
    client.answer(QuoteMapRequest, () => map);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    panel = new QuoteMapPanel(client, extension.extensionUri);
  });

  afterEach(() => panel.dispose());

  it('opens a panel whose script loads under its security policy and finds only the real cells', async function () {
    this.timeout(30_000);
    const ready = nextReady((report) => report.cells > 0);
    await panel.show();
    const report = await ready;
    assert.equal(report.cells, cellCount(map), 'the webview found a different number of cells than the map has');
    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.label === 'Article Lens: Quote Map');
    assert.ok(tab, 'no tab titled "Article Lens: Quote Map"');
  });

  it('opens the article at a cell the webview reports as selected', async function () {
    this.timeout(30_000);
    const ready = nextReady((report) => report.cells > 0);
    await panel.show();
    const { generation } = await ready;
    await panel.handleMessage({ type: 'open', generation, quote: 0, cell: 1 });
    await waitForSelection(retaliation);
  });

  it('ignores malformed, out-of-range and stale messages', async function () {
    this.timeout(30_000);
    const ready = nextReady((report) => report.cells > 0);
    await panel.show();
    const { generation } = await ready;
    await panel.handleMessage({ type: 'open', generation, quote: 0, cell: 1 });
    await waitForSelection(retaliation);
    const rejected: unknown[] = [
      { type: 'open', generation: generation - 1, quote: 0, cell: 0 },
      { type: 'open', generation, quote: 1, cell: 0 },
      { type: 'open', generation, quote: 0, cell: 2 },
      { type: 'open', generation, quote: '0', cell: 0 },
      { command: ClientCommands.openLocation, arguments: [{ uri: tweet.uri, range: tweet.range }] },
      'open',
      null,
    ];
    for (const message of rejected) await panel.handleMessage(message);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), retaliation.uri, 'a rejected message moved the editor');
    // Fields the extension does not know are dropped: the cell's own location is opened, not the message's.
    await panel.handleMessage({ type: 'open', generation, quote: 0, cell: 0, uri: retaliation.uri, range: retaliation.range });
    await waitForSelection(tweet);
  });

  it('refreshes while open when the corpus has been indexed, and stops once closed', async function () {
    this.timeout(30_000);
    const first = nextReady((report) => report.cells > 0);
    await panel.show();
    await first;
    const before = client.count(QuoteMapRequest);
    client.notify(CorpusStatusNotification, status(true));
    assert.equal(client.count(QuoteMapRequest), before, 'asked for the map while the corpus was indexing');

    map.quotes.push({ id: 'q2', text: 'a second shared quote', speaker: null, articles: 2, cells: [{ article: 0, kind: 'partial', range: tweet.range, text: 'second' }] });
    const refreshed = nextReady((report) => report.cells === cellCount(map));
    client.notify(CorpusStatusNotification, status(false));
    assert.equal(client.count(QuoteMapRequest), before + 1);
    await refreshed;

    assert.ok(panel.webview, 'the panel is not open');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('the panel to close', () => (panel.webview ? undefined : true));
    client.notify(CorpusStatusNotification, status(false));
    assert.equal(client.count(QuoteMapRequest), before + 1, 'asked for the map after the panel closed');
  });

  it('shows the server failure instead of a map', async function () {
    this.timeout(30_000);
    client.fail(QuoteMapRequest, HOSTILE);
    await panel.show();
    const html = panel.webview?.html ?? '';
    assert.match(html, /Could not load the quote map: &lt;img src=x onerror=alert\(1\)&gt;/);
  });
});
