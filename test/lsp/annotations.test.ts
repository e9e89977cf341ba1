import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent, Position, SemanticTokens } from 'vscode-languageserver-protocol';
import { ServerCommands, type AnnotationChangeResult, type ExportAnnotationsResult, type ListAnnotationsResult } from '../../common/protocol';
import { LspServer, repoRoot } from './support/lspServer';
import { decodeTokens, type DecodedToken } from './support/tokens';

const ARTICLE = '000_198c190caa6527b1.txt';
const OTHER = '001_737dabe0ebce7f11.txt';

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function rangeOf(text: string, words: string, occurrence = 0): { start: Position; end: Position } {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) index = text.indexOf(words, index + 1);
  assert.ok(index >= 0, `"${words}" not found`);
  return { start: positionAt(text, index), end: positionAt(text, index + words.length) };
}

describe('annotation commands over LSP (workspace/executeCommand)', function () {
  this.timeout(60_000);
  let server: LspServer;
  let workspace: string;
  const file = (name: string): string => join(workspace, 'seeds', name);
  const uri = (name: string): string => pathToFileURL(file(name)).toString();
  const sidecar = (name: string): string => `${file(name)}.annotations.json`;
  let text: string;

  async function tokens(name: string, current: string): Promise<DecodedToken[]> {
    const result = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri(name) } });
    return decodeTokens(result.data, server.legend, current);
  }
  /** The token types covering the words' first character. */
  async function typesAt(name: string, current: string, words: string, occurrence = 0): Promise<string[]> {
    const { start } = rangeOf(current, words, occurrence);
    return (await tokens(name, current)).filter((token) => token.line === start.line && token.character <= start.character && start.character < token.character + token.length).map((token) => token.type);
  }

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'article-lens-annotations-'));
    cpSync(resolve(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
    server = await LspServer.start(workspace);
    await server.corpusReady(5);
    text = readFileSync(file(ARTICLE), 'utf8');
    await server.open(uri(ARTICLE), text);
    await server.statusOf(uri(ARTICLE));
  });
  after(async () => {
    await server?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('declares every server command in executeCommandProvider', () => {
    assert.deepEqual([...(server.initializeResult.capabilities.executeCommandProvider?.commands ?? [])].sort(), Object.values(ServerCommands).sort());
  });

  it('mark as speaker: the words become a speaker token and the sidecar holds the annotation', async () => {
    assert.ok(!(await typesAt(ARTICLE, text, 'Tehran')).includes('speaker'), 'Tehran is no speaker before');
    const result = await server.executeCommand<AnnotationChangeResult>(ServerCommands.markSpeaker, { uri: uri(ARTICLE), range: rangeOf(text, 'Tehran') });
    assert.match(result.message, /Tehran/);
    assert.deepEqual(await typesAt(ARTICLE, text, 'Tehran'), ['speaker']);
    const saved = JSON.parse(readFileSync(sidecar(ARTICLE), 'utf8')) as { type: string; items: { target: { selector: { type: string; exact?: string; start?: number }[] } }[] };
    assert.equal(saved.type, 'AnnotationPage');
    const selectors = saved.items[0]!.target.selector;
    assert.equal(selectors.find((selector) => selector.type === 'TextQuoteSelector')?.exact, 'Tehran');
    assert.equal(selectors.find((selector) => selector.type === 'TextPositionSelector')?.start, Array.from(text.slice(0, text.indexOf('Tehran'))).length);
  });

  it('remove at the cursor rejects an automatic speaker; it stays rejected after an edit and a re-analysis', async () => {
    const phrase = 'de Blasio tweeted';
    assert.ok((await typesAt(ARTICLE, text, phrase)).includes('speaker'), 'the engine marks de Blasio');
    const { start } = rangeOf(text, phrase);
    await server.executeCommand<AnnotationChangeResult>(ServerCommands.removeAnnotation, { uri: uri(ARTICLE), position: { line: start.line, character: start.character + 4 } });
    assert.ok(!(await typesAt(ARTICLE, text, phrase)).includes('speaker'));
    const saved = readFileSync(sidecar(ARTICLE), 'utf8');
    assert.match(saved, /"motivation": "assessing"/);

    const intro = 'An editor\u2019s note, added later.\n';
    await server.change(uri(ARTICLE), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: intro }]);
    text = intro + text;
    assert.ok(!(await typesAt(ARTICLE, text, phrase)).includes('speaker'), 'still rejected after the edit');
    assert.deepEqual(await typesAt(ARTICLE, text, 'Tehran'), ['speaker'], 'the mark moved with its words');
    // Another mention of de Blasio the user did not reject keeps its colour.
    assert.ok((await typesAt(ARTICLE, text, 'Mayor Bill de Blasio')).includes('speaker'));

    await server.executeCommand(ServerCommands.reanalyseWorkspace, {});
    await server.corpusReady(5);
    assert.ok(!(await typesAt(ARTICLE, text, phrase)).includes('speaker'), 'still rejected after re-analysing the workspace');
  });

  it('set the speaker of a quote: the hover credits the new speaker', async () => {
    const words = 'We will have to be vigilant';
    const { start } = rangeOf(text, words);
    await server.executeCommand(ServerCommands.setQuoteSpeaker, { uri: uri(ARTICLE), position: start, speaker: 'Jane Q. Editor' });
    const hover = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: uri(ARTICLE) }, position: start });
    assert.match((hover.contents as MarkupContent).value, /Speaker: \*\*Jane Q\\?\. Editor\*\*/);
  });

  it('lists the article\'s annotations with where each stands now', async () => {
    const result = await server.executeCommand<ListAnnotationsResult>(ServerCommands.listAnnotations, { uri: uri(ARTICLE) });
    assert.equal(result.problem, null);
    assert.equal(result.sidecar, sidecar(ARTICLE));
    assert.deepEqual(result.annotations.map((entry) => `${entry.action} ${entry.kind}`).sort(), ['mark quote', 'mark speaker', 'reject speaker']);
    const tehran = result.annotations.find((entry) => entry.text === 'Tehran');
    assert.deepEqual(tehran?.range, rangeOf(text, 'Tehran'));
  });

  it('a corrupt sidecar: the error names the file, and its bytes stay as they were', async () => {
    const corrupt = '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [ {"id": ';
    writeFileSync(sidecar(OTHER), corrupt);
    // As the editor's file watcher would report it.
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(sidecar(OTHER)).toString(), type: 1 }] });
    const other = readFileSync(file(OTHER), 'utf8');
    await server.open(uri(OTHER), other);
    await server.statusOf(uri(OTHER));
    await assert.rejects(
      server.executeCommand(ServerCommands.markOutlet, { uri: uri(OTHER), range: rangeOf(other, other.trim().split(/\s+/)[1]!) }),
      (error: Error) => error.message.includes(`${OTHER}.annotations.json`) && /not valid JSON/.test(error.message),
    );
    assert.equal(readFileSync(sidecar(OTHER), 'utf8'), corrupt);
    const deadline = Date.now() + 10_000;
    while (!server.messages.some((message) => message.message.includes(`${OTHER}.annotations.json`)) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
    assert.ok(server.messages.some((message) => message.type === 1 && message.message.includes(`${OTHER}.annotations.json`)), JSON.stringify(server.messages));
    assert.ok(server.diagnostics.get(uri(OTHER))?.some((diagnostic) => diagnostic.message.includes('not valid JSON')));
  });

  it('exports the workspace as brat with the user\'s annotations applied', async () => {
    const out = mkdtempSync(join(tmpdir(), 'article-lens-brat-'));
    try {
      const result = await server.executeCommand<ExportAnnotationsResult>(ServerCommands.exportAnnotations, { scope: 'workspace', format: 'brat', outDir: out });
      assert.equal(result.articles, 5);
      assert.ok(existsSync(join(out, 'annotation.conf')));
      const ann = readFileSync(join(out, ARTICLE.replace(/\.txt$/, '.ann')), 'utf8');
      assert.match(ann, /^T\d+\tSpeaker \d+ \d+\tTehran$/m);
      assert.equal(readFileSync(join(out, ARTICLE), 'utf8'), text, 'the brat text is the analysed (edited) text');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('annotation commands in an untrusted workspace', function () {
  this.timeout(60_000);

  it('reads annotations but refuses to write them, with a message', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'article-lens-untrusted-'));
    cpSync(resolve(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
    const server = await LspServer.start(workspace, { initializationOptions: { workspaceTrusted: false } });
    try {
      await server.corpusReady(5);
      const path = join(workspace, 'seeds', ARTICLE);
      const text = readFileSync(path, 'utf8');
      const articleUri = pathToFileURL(path).toString();
      await server.open(articleUri, text);
      await server.statusOf(articleUri);
      await assert.rejects(server.executeCommand(ServerCommands.markSpeaker, { uri: articleUri, range: rangeOf(text, 'Tehran') }), /not trusted/);
      assert.equal(existsSync(`${path}.annotations.json`), false);
      const list = await server.executeCommand<ListAnnotationsResult>(ServerCommands.listAnnotations, { uri: articleUri });
      assert.deepEqual(list.annotations, []);
    } finally {
      await server.stop();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
