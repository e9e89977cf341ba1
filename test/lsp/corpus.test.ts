import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Hover, Location, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { QuoteOccurrencesRequest, SpeakerNamesRequest, SpeakersRequest, type CorpusSpeaker, type OpenLocationArgs, type QuoteLinksResult, type QuoteOccurrence, type SpeakerName } from '../../common/protocol';
import { LspServer, repoRoot } from './support/lspServer';

/** The position of the n-th occurrence of `needle` (plus `into` characters) in `text`. */
function positionOf(text: string, needle: string, into = 1, occurrence = 0): Position {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `"${needle}" not found`);
  const before = text.slice(0, index + into);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** The openLocation targets of the command links in a hover. */
function linkTargets(markdown: string): OpenLocationArgs[] {
  return [...markdown.matchAll(/\(command:articleLens\.openLocation\?([^ )]+)/g)].map((match) => (JSON.parse(decodeURIComponent(match[1]!)) as OpenLocationArgs[])[0]!);
}

describe('the workspace corpus over LSP: hovers, references and links across articles', function () {
  let server: LspServer;
  let workspace: string;
  const file = (name: string): string => join(workspace, 'seeds', name);
  const uri = (name: string): string => pathToFileURL(file(name)).toString();
  const text = (name: string): string => readFileSync(file(name), 'utf8');

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'article-lens-corpus-'));
    cpSync(resolve(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
    server = await LspServer.start(workspace);
    const status = await server.corpusReady(5);
    assert.equal(status.articles, 5);
  });
  after(async () => {
    await server?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('indexes the folder on start and counts linked quotes', () => {
    const status = server.corpusStatuses.at(-1)!;
    assert.ok(status.quotes >= 60, `quotes: ${status.quotes}`);
    assert.ok(status.linkedQuotes >= 4, `linked quotes: ${status.linkedQuotes}`);
    assert.ok(status.speakers > 10);
  });

  it('hovering "harsh retaliation" in 003 lists 001 with its line and a working location', async () => {
    const name = '003_9657c7c9ccc2eae3.txt';
    await server.open(uri(name), text(name));
    const hover = await server.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: uri(name) },
      position: positionOf(text(name), 'harsh retaliation', 3),
    });
    const markdown = (hover.contents as MarkupContent).value;
    assert.match(markdown, /001\\_737dabe0ebce7f11\\\.txt/);
    const targets = linkTargets(markdown).filter((target) => target.uri === uri('001_737dabe0ebce7f11.txt'));
    assert.ok(targets.length > 0, markdown);
    const lines = text('001_737dabe0ebce7f11.txt').split('\n');
    for (const target of targets) {
      const { start, end } = target.range;
      assert.match(lines[start.line]!.slice(start.character, end.character), /harsh retaliation/i);
      assert.match(markdown, new RegExp(`line ${start.line + 1}`));
    }
  });

  it('finds every occurrence of the Pentagon\'s "actively developing plans" quote, and marks 004\'s paraphrase', async () => {
    const name = '000_198c190caa6527b1.txt';
    await server.open(uri(name), text(name));
    const position = positionOf(text(name), 'was actively developing plans', 5);
    const references = await server.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri: uri(name) },
      position,
      context: { includeDeclaration: true },
    });
    const files = new Set(references.map((reference) => reference.uri));
    assert.ok(files.has(uri(name)) && files.has(uri('003_9657c7c9ccc2eae3.txt')), JSON.stringify([...files]));
    const links = await server.connection.sendRequest<QuoteLinksResult>('articleLens/quoteLinks', { textDocument: { uri: uri(name) }, position });
    assert.ok(links.occurrences.some((occurrence) => occurrence.uri === uri('003_9657c7c9ccc2eae3.txt') && occurrence.kind !== 'self'));
    assert.ok(links.occurrences.every((occurrence) => occurrence.uri !== uri('004_a9b471eec6247fbb.txt')), 'the paraphrase is not a verbatim occurrence');
    const paraphrase = links.paraphrases.find((candidate) => candidate.uri === uri('004_a9b471eec6247fbb.txt'));
    assert.ok(paraphrase, JSON.stringify(links.paraphrases));
    assert.match(paraphrase.text, /actively developing plans to attack U\.S\. diplomats/);
    assert.ok(files.has(uri('004_a9b471eec6247fbb.txt')), 'references include the paraphrase too');
  });

  it('offers a "quoted in N other articles" lens on linked quotes', async () => {
    const name = '004_a9b471eec6247fbb.txt';
    await server.open(uri(name), text(name));
    const unresolved = await server.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri(name) } });
    assert.ok(unresolved.length > 0 && unresolved.every((lens) => lens.command === undefined), 'titles are worked out on resolving');
    const lenses = await Promise.all(unresolved.map((lens) => server.connection.sendRequest<CodeLens>('codeLens/resolve', lens)));
    const trump = lenses.find((lens) => lens.command?.title.startsWith('“Iran never won a war'));
    assert.ok(trump, JSON.stringify(lenses.map((lens) => lens.command?.title)));
    assert.match(trump.command!.title, /quoted in 1 other article/);
    assert.equal(trump.command!.command, 'articleLens.showReferences');
    for (const lens of lenses) assert.match(lens.command?.title ?? '', /quoted in [1-9]\d* other articles?/, 'only quotes other articles carry have a lens');
    // A lens resolved after its quote went (or with data that is no quote's) says so, and runs nothing.
    for (const data of [{ uri: uri(name), quoteId: 'q9999' }, { uri: 42 }, null]) {
      const stale: CodeLens = await server.connection.sendRequest<CodeLens>('codeLens/resolve', { range: trump.range, data });
      assert.deepEqual(stale.command, { title: 'no longer quoted in other articles', command: '' });
    }
  });

  it('lists speakers\' quotes with their article counts, and where each stands only on request', async () => {
    const { speakers } = await server.connection.sendRequest<{ speakers: CorpusSpeaker[] }>(SpeakersRequest.method);
    const quotes = speakers.flatMap((speaker) => speaker.quotes.map((quote) => ({ speaker: speaker.name, ...quote })));
    assert.ok(quotes.every((quote) => !('occurrences' in quote)), 'the speakers answer carries the places of its quotes');
    const negotiation = quotes.find((quote) => quote.text.includes('never lost a negotiation'));
    assert.ok(negotiation, `no speaker has the negotiation quote: ${quotes.map((quote) => quote.text).join(' | ')}`);
    assert.match(negotiation.speaker, /Trump/);

    const places = await server.connection.sendRequest<QuoteOccurrence[]>(QuoteOccurrencesRequest.method, negotiation.ref);
    const articles = new Set(places.map((place) => place.uri));
    assert.equal(negotiation.articles, articles.size);
    for (const name of ['000_198c190caa6527b1.txt', '004_a9b471eec6247fbb.txt']) assert.ok(articles.has(uri(name)), `${name} is not among ${[...articles].join(', ')}`);
    for (const place of places.filter((candidate) => candidate.kind !== 'paraphrase')) {
      const lines = text(place.article).split('\n');
      const { start, end } = place.range;
      assert.equal(start.line, end.line, 'the quote spans lines');
      assert.match(lines[start.line]!.slice(start.character, end.character), /never lost a negotiation/);
    }

    const everyQuoteHasPlaces = await Promise.all(quotes.map((quote) => server.connection.sendRequest<QuoteOccurrence[]>(QuoteOccurrencesRequest.method, quote.ref)));
    assert.deepEqual(
      quotes.filter((quote, index) => new Set(everyQuoteHasPlaces[index]!.map((place) => place.uri)).size !== quote.articles).map((quote) => quote.text),
      [],
      'quotes whose article count differs from their places',
    );
    assert.deepEqual(await server.connection.sendRequest(QuoteOccurrencesRequest.method, { uri: uri('000_198c190caa6527b1.txt'), quoteId: 'no-such-quote' }), []);
  });

  it('names the same speakers, with their aliases, without the quotes', async () => {
    const { speakers } = await server.connection.sendRequest<{ speakers: CorpusSpeaker[] }>(SpeakersRequest.method);
    const names = await server.connection.sendRequest<SpeakerName[]>(SpeakerNamesRequest.method);
    const byName = (a: SpeakerName, b: SpeakerName): number => a.name.localeCompare(b.name);
    assert.ok(names.length > 10, `${names.length} names`);
    assert.deepEqual(
      [...names].sort(byName),
      speakers.map(({ name, aliases }) => ({ name, aliases })).sort(byName),
    );
  });

  it('updates another article\'s hover after a quote is edited, without a reload', async () => {
    const quoted = '001_737dabe0ebce7f11.txt';
    const hovered = '003_9657c7c9ccc2eae3.txt';
    await server.open(uri(quoted), text(quoted));
    const hoverLists001 = async (): Promise<boolean> => {
      const hover = await server.connection.sendRequest<Hover>('textDocument/hover', {
        textDocument: { uri: uri(hovered) },
        position: positionOf(text(hovered), 'harsh retaliation', 3),
      });
      return (hover.contents as MarkupContent).value.includes('001\\_737dabe0ebce7f11');
    };
    assert.equal(await hoverLists001(), true);
    // Rewrite every "harsh retaliation" in 001 so no quote there carries those words any more.
    const original = text(quoted);
    await server.change(uri(quoted), [{ text: original.replace(/harsh retaliation/gi, 'a measured response') }]);
    const deadline = Date.now() + 10_000;
    while ((await hoverLists001()) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    assert.equal(await hoverLists001(), false);
    await server.change(uri(quoted), [{ text: original }]);
    while (!(await hoverLists001()) && Date.now() < deadline + 10_000) await new Promise((done) => setTimeout(done, 50));
    assert.equal(await hoverLists001(), true);
  });

  it('escapes article text in hovers: no links, HTML or icons from the article survive', async () => {
    const hostile = 'untitled:hostile';
    const textWithTricks = '“Visit [here](command:workbench.action.openSettings) <img src=x onerror=alert(1)> `code` $(alert) now,” the mayor said.';
    await server.open(hostile, textWithTricks);
    const hover = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: hostile }, position: { line: 0, character: 3 } });
    const markdown = (hover.contents as MarkupContent).value;
    assert.doesNotMatch(markdown, /\]\(command:workbench/);
    assert.doesNotMatch(markdown, /(?<!\\)<img/);
    assert.doesNotMatch(markdown, /(?<!\\)`/);
    assert.doesNotMatch(markdown, /(?<!\\)\$\(/);
    assert.doesNotMatch(markdown, /(?<!\\)\[here/);
    const commands = [...markdown.matchAll(/\]\(command:([\w.]+)/g)].map((match) => match[1]);
    assert.ok(commands.every((command) => command === 'articleLens.openLocation'), commands.join(', '));
  });
});
