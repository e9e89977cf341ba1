import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver-protocol';
import { decodeTokens, touchingStretches, type DecodedToken } from './support/tokens';
import { LspServer, repoRoot } from './support/lspServer';

const seed = (name: string): { uri: string; text: string } => {
  const path = resolve(repoRoot, 'seeds', name);
  return { uri: pathToFileURL(path).toString(), text: readFileSync(path, 'utf8') };
};

describe('semantic tokens over LSP (dist/server.js --stdio)', function () {
  let server: LspServer;

  before(async () => {
    server = await LspServer.start();
  });
  after(async () => {
    await server?.stop();
  });

  async function tokensOf(uri: string, text: string): Promise<DecodedToken[]> {
    const result = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    return decodeTokens(result.data, server.legend, text);
  }

  it('declares the four token types in its legend', () => {
    assert.deepEqual(server.legend.tokenTypes, ['speaker', 'outlet', 'attribution', 'quote']);
  });

  it('marks speakers, outlets, attributions and quotes in seed 000', async () => {
    const { uri, text } = seed('000_198c190caa6527b1.txt');
    await server.open(uri, text);
    const tokens = await tokensOf(uri, text);
    const texts = (type: string): string[] => tokens.filter((token) => token.type === type).map((token) => token.text);

    assert.ok(texts('speaker').some((name) => name === 'Bill de Blasio' || name === 'de Blasio'), `speakers: ${texts('speaker').join(' | ')}`);
    assert.ok(texts('outlet').includes('New York Times'), `outlets: ${texts('outlet').join(' | ')}`);
    assert.ok(texts('outlet').includes('NBC News'));
    assert.ok(texts('quote').includes('Iran never won a war, but never lost a negotiation!'));
    const foxReports = touchingStretches(tokens).find((stretch) => stretch.text === 'Fox News reports');
    assert.ok(foxReports, 'no tokens tile "Fox News reports"');
    assert.deepEqual([...foxReports.types].sort(), ['attribution', 'outlet']);
    const cue = tokens.find((token) => token.type === 'attribution' && token.modifiers.includes('cue') && token.text === 'reports');
    assert.ok(cue, 'the cue "reports" carries the cue modifier');
  });

  it('does not mark markup attribute values in seed 002 as quotes', async () => {
    const { uri, text } = seed('002_131402eebdac2dd7.txt');
    await server.open(uri, text);
    const tokens = await tokensOf(uri, text);
    const shortcodeLine = text.split('\n').findIndex((line) => line.includes('panorama=”off”'));
    assert.ok(shortcodeLine >= 0);
    assert.deepEqual(tokens.filter((token) => token.line === shortcodeLine && token.type === 'quote'), []);
    assert.ok(tokens.some((token) => token.type === 'quote' && token.text === 'It’s just a world of difference,'));
  });

  it('places tokens at UTF-16 positions with a BOM, CRLF line ends and an emoji before a quote', async () => {
    const text = '\uFEFFHeadline 😀\r\n\r\n😀 “We will respond,” the mayor said.\r\n';
    const uri = 'untitled:crlf-emoji';
    await server.open(uri, text);
    const tokens = await tokensOf(uri, text);
    const quote = tokens.find((token) => token.type === 'quote');
    assert.ok(quote, `no quote token in ${JSON.stringify(tokens)}`);
    // Line 2 starts with a surrogate pair (2 code units), a space and the opening mark.
    assert.deepEqual({ line: quote.line, character: quote.character, length: quote.length }, { line: 2, character: 4, length: 'We will respond,'.length });
    assert.equal(quote.text, 'We will respond,');
  });

  it('answers delta requests with edits after a change, and range requests inside the range', async () => {
    const uri = 'untitled:delta';
    const text = '“First words,” Pelosi said.\n\nNothing here.\n';
    await server.open(uri, text);
    const full = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(full.resultId);
    await server.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '“New words,” she said. ' }]);
    const delta = await server.connection.sendRequest<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: full.resultId,
    });
    assert.ok(Array.isArray(delta.edits) && delta.edits.length > 0, `expected edits, got ${JSON.stringify(delta)}`);
    const ranged = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } },
    });
    const decoded = decodeTokens(ranged.data, server.legend, '“First words,” Pelosi said.\n\n“New words,” she said. Nothing here.\n');
    assert.ok(decoded.length > 0 && decoded.every((token) => token.line === 2), JSON.stringify(decoded));
  });
});
