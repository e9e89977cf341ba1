import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Hover, SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver-protocol';
import { DocumentTextRequest, type DocumentTextResult } from '../../common/protocol';
import { splitsSurrogatePair } from '../fuzz/invariants';
import { LspServer, repoRoot } from './support/lspServer';
import { decodeTokens } from './support/tokens';

const EDITS = 1_000;

interface Position {
  line: number;
  character: number;
}

/** LSP positions, worked out here independently of the server's TextDocument: \n, \r\n and \r end lines. */
function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) {
      if (index + 1 >= offset) break;
      index++;
    }
    if (code === 10 || code === 13) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** An editor never puts a cursor inside a surrogate pair or between \r and \n. */
function snap(text: string, offset: number): number {
  let at = Math.min(Math.max(0, offset), text.length);
  while (splitsSurrogatePair(text, at) || (text[at - 1] === '\r' && text[at] === '\n')) at--;
  return at;
}

const INSERTS = fc.oneof(
  fc.constantFrom('\r\n', '\n', '\r', '😀', '👩‍👩‍👧', '“', '”', '"', "'", '‘', '’', ' said ', ' according to Reuters', 'Mr. Smith', 'e\u0301', '\u200F', '\t', ''),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('“We will not back down,” she said.\r\n', '\r\n\r\n“Never,” said President Jane Doe. ', '«Oui», a dit le ministre.\n'),
);
const EDIT = fc.record({ anchor: fc.nat(), length: fc.oneof(fc.constant(0), fc.nat(40)), insert: INSERTS });

interface Change {
  range: { start: Position; end: Position };
  text: string;
}

/** Applies a delta's edits (LSP: against the previous data, in any order, non-overlapping). */
function applyDelta(data: number[], delta: SemanticTokensDelta): number[] {
  const result = [...data];
  for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return result;
}

describe('an edit storm over LSP: 1,000 random incremental edits', function () {
  this.timeout(180_000);
  let server: LspServer;
  const uri = 'untitled:storm.txt';

  before(async () => {
    server = await LspServer.start();
  });
  after(async () => {
    await server?.stop();
  });

  it('leaves the server with the client’s text and tokens equal to a fresh analysis of it', async () => {
    const seedText = readFileSync(join(repoRoot, 'seeds', '001_737dabe0ebce7f11.txt'), 'utf8');
    // Mixed line ends from the start: CRLF in the first half, LF after.
    let text = seedText.slice(0, 1_400).replace(/\n/g, '\r\n') + seedText.slice(1_400);
    await server.open(uri, text);
    await server.statusOf(uri);

    const edits = fc.sample(EDIT, { numRuns: EDITS, seed: 9_001 });
    const batchSizes = fc.sample(fc.integer({ min: 1, max: 4 }), { numRuns: EDITS, seed: 9_002 });
    let tokens = (await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }));
    let data = tokens.data;
    let resultId = tokens.resultId;
    let sent = 0;
    let notifications = 0;
    let hovers = 0;
    while (sent < edits.length) {
      const changes: Change[] = [];
      for (const edit of edits.slice(sent, sent + (batchSizes[notifications] ?? 1))) {
        const start = snap(text, edit.anchor % (text.length + 1));
        const end = snap(text, start + edit.length);
        // Positions against the text as it stands after the previous change of the same notification.
        changes.push({ range: { start: positionAt(text, start), end: positionAt(text, end) }, text: edit.insert });
        text = text.slice(0, start) + edit.insert + text.slice(end);
        sent++;
      }
      await server.change(uri, changes);
      notifications++;
      if (notifications % 20 === 0) {
        // Mid-storm requests: a delta on the last result, and a hover somewhere.
        const answer = await server.connection.sendRequest<SemanticTokens | SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
          textDocument: { uri },
          previousResultId: resultId,
        });
        data = 'edits' in answer ? applyDelta(data, answer) : answer.data;
        resultId = answer.resultId;
        const at = snap(text, (notifications * 7919) % (text.length + 1));
        const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, at) });
        if (hover) assert.equal(typeof (hover.contents as { value: string }).value, 'string');
        hovers++;
      }
    }

    const held = await server.connection.sendRequest<DocumentTextResult | null>(DocumentTextRequest.method, { uri });
    assert.ok(held, 'the server no longer holds the document');
    assert.equal(held.version, notifications + 1);
    assert.equal(held.text.length, text.length);
    assert.ok(held.text === text, `the server's text differs from the client's from offset ${[...text].findIndex((_, index) => held.text[index] !== text[index])}`);

    const final = await server.connection.sendRequest<SemanticTokensDelta | SemanticTokens>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: resultId });
    data = 'edits' in final ? applyDelta(data, final) : final.data;
    // Alone in the corpus, as the storm document was: two copies of one text would link each other's quotes.
    await server.close(uri);
    const freshUri = 'untitled:fresh.txt';
    await server.open(freshUri, text);
    const fresh = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: freshUri } });
    assert.ok(fresh.data.length > 0, 'the final text should still hold something to colour');
    assert.deepEqual(data, fresh.data, 'tokens kept up to date by deltas differ from a fresh analysis of the same text');

    const decoded = decodeTokens(data, server.legend, text);
    const lines = text.split(/\r\n|\r|\n/);
    decoded.forEach((token, index) => {
      const line = lines[token.line] ?? '';
      assert.ok(token.length > 0 && token.character + token.length <= line.length, `token ${index} runs past its line`);
      assert.ok(!splitsSurrogatePair(line, token.character) && !splitsSurrogatePair(line, token.character + token.length), `token ${index} splits a character`);
      const previous = decoded[index - 1];
      if (previous && previous.line === token.line) assert.ok(previous.character + previous.length <= token.character, `token ${index} overlaps the one before`);
    });
    assert.ok(sent === EDITS && hovers > 10, `${sent} edits, ${hovers} hovers`);
  });

  it('leaves no trace of a document closed while its analysis is in flight', async () => {
    // Found by the storm: an analysis finishing after the close put the closed text back in the
    // corpus, and its quotes then showed as carried by other articles.
    const text = readFileSync(join(repoRoot, 'seeds', '000_198c190caa6527b1.txt'), 'utf8');
    const ghost = 'untitled:closed-mid-analysis.txt';
    const twin = 'untitled:twin.txt';
    for (let round = 0; round < 5; round++) {
      await server.open(ghost, text);
      await server.change(ghost, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `Edit ${round}. ` }]);
      await server.close(ghost);
      await server.open(twin, `Edit ${round}. ${text}`);
      const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: twin } });
      const decoded = decodeTokens(tokens.data, server.legend, `Edit ${round}. ${text}`);
      assert.ok(decoded.some((token) => token.type === 'quote'), 'the twin has quotes');
      assert.deepEqual(decoded.filter((token) => token.modifiers.includes('linked')).map((token) => token.text), [], `round ${round}: the twin's quotes are linked to the closed document`);
      const symbols = await server.connection.sendRequest<{ location: { uri: string } }[]>('workspace/symbol', { query: '' });
      assert.ok(!symbols.some((symbol) => symbol.location.uri === ghost), `round ${round}: the closed document is still in the corpus`);
      await server.close(twin);
    }
  });
});
