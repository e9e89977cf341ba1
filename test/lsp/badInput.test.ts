import assert from 'node:assert/strict';
import type { SemanticTokens } from 'vscode-languageserver-protocol';
import { LspServer } from './support/lspServer';

describe('bad input over LSP', function () {
  let server: LspServer;

  before(async () => {
    server = await LspServer.start();
  });
  after(async () => {
    await server?.stop();
  });

  async function expectSkipped(uri: string, text: string, reason: string, messagePart: RegExp): Promise<void> {
    await server.open(uri, text);
    const status = await server.statusOf(uri);
    assert.equal(status.skipped, reason);
    assert.match(status.message ?? '', messagePart);
    const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(tokens.data, []);
  }

  it('reports an empty file', () => expectSkipped('untitled:empty', '', 'empty', /empty/));

  it('reports a binary file', () => expectSkipped('untitled:binary', 'PK\u0003\u0004\u0000\u0000\u0014\u0000 binary', 'binary', /binary/));

  it('reports text that did not decode as UTF-8', () =>
    expectSkipped('untitled:latin1', 'Caf\uFFFD cr\uFFFDme br\uFFFDl\uFFFDe, “quoted,” she said.', 'encoding', /UTF-8/));

  it('reports a file over articleLens.maxFileSize and keeps serving other documents', async () => {
    server.settings = { ...server.settings, maxFileSize: 1000 };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await expectSkipped('untitled:huge', '“Words,” he said. '.repeat(200), 'tooLarge', /maxFileSize/);
    await server.open('untitled:small', '“Short words,” she said.');
    const status = await server.statusOf('untitled:small');
    assert.equal(status.skipped, null);
    assert.ok(status.counts.quotes >= 1);
  });
});
