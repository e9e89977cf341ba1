import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, SymbolInformation } from 'vscode-languageserver-protocol';
import { QuoteOccurrencesRequest, SpeakersRequest, type CorpusSpeaker, type QuoteOccurrence } from '../../common/protocol';
import { loadSeeds } from '../fuzz/articleText';
import { LspServer, repoRoot } from './support/lspServer';

const ARTICLES = 200;
const FileChangeType = { Created: 1, Changed: 2, Deleted: 3 } as const;

describe('faults while indexing: files deleted, renamed, emptied or replaced by folders', function () {
  this.timeout(120_000);
  let folder: string;
  let server: LspServer;
  const path = (name: string): string => join(folder, 'articles', name);
  const uriOf = (file: string): string => pathToFileURL(file).toString();

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'article-lens-faults-'));
    mkdirSync(join(folder, 'articles'));
    mkdirSync(join(folder, 'elsewhere'));
    const seeds = loadSeeds(repoRoot);
    // Whole seeds (several KB each) so that indexing takes long enough to be interrupted.
    for (let index = 0; index < ARTICLES; index++) {
      const update = `\n\nUpdate ${index}: “Statement ${index} is final and binding,” said Councillor Dana Whitfield${index}.`;
      writeFileSync(path(`gen-${String(index).padStart(3, '0')}.txt`), seeds[index % seeds.length]! + update);
    }
  });

  after(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers throughout, logs no error and converges to the files that exist', async () => {
    server = await LspServer.start(folder);
    // Wait until indexing is under way but far from done.
    const deadline = Date.now() + 30_000;
    while (!server.corpusStatuses.some((status) => status.indexing && status.articles > 0)) {
      assert.ok(Date.now() < deadline, 'indexing never started');
      await new Promise((resume) => setTimeout(resume, 5));
    }

    const changes: { uri: string; type: number }[] = [];
    const faults = { deleted: 0, renamed: 0, movedOut: 0, emptied: 0, replacedByFolder: 0, truncated: 0 };
    const name = (index: number): string => `gen-${String(index).padStart(3, '0')}.txt`;
    for (let index = ARTICLES - 1; index >= 0; index--) {
      const file = path(name(index));
      const fault = index % 8;
      if (fault === 0) {
        rmSync(file);
        changes.push({ uri: uriOf(file), type: FileChangeType.Deleted });
        faults.deleted++;
      } else if (fault === 1) {
        const renamed = path(`renamed-${index}.txt`);
        renameSync(file, renamed);
        changes.push({ uri: uriOf(file), type: FileChangeType.Deleted }, { uri: uriOf(renamed), type: FileChangeType.Created });
        faults.renamed++;
      } else if (fault === 2) {
        const outside = join(folder, 'elsewhere', name(index));
        renameSync(file, outside);
        changes.push({ uri: uriOf(file), type: FileChangeType.Deleted }, { uri: uriOf(outside), type: FileChangeType.Created });
        faults.movedOut++;
      } else if (fault === 3) {
        writeFileSync(file, '');
        changes.push({ uri: uriOf(file), type: FileChangeType.Changed });
        faults.emptied++;
      } else if (fault === 4) {
        rmSync(file);
        mkdirSync(file);
        changes.push({ uri: uriOf(file), type: FileChangeType.Deleted });
        faults.replacedByFolder++;
      } else if (fault === 5) {
        // Cut mid-character: the last bytes of a multi-byte sequence are gone.
        const bytes = readFileSync(file);
        writeFileSync(file, bytes.subarray(0, bytes.indexOf(Buffer.from('“')) + 1));
        changes.push({ uri: uriOf(file), type: FileChangeType.Changed });
        faults.truncated++;
      }
    }
    const stillIndexing = server.corpusStatuses.at(-1);
    assert.ok(stillIndexing?.indexing && stillIndexing.articles < ARTICLES, `the faults came after indexing: ${JSON.stringify(stillIndexing)}`);

    // The watcher's report arrives in bursts, with requests in between, as an editor would send them.
    const answers: Promise<unknown>[] = [];
    for (let start = 0; start < changes.length; start += 10) {
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.slice(start, start + 10) });
      answers.push(server.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'whitfield' }));
      answers.push(server.connection.sendRequest(SpeakersRequest.method));
    }
    await Promise.all(answers);

    const articleFiles = [...Array(ARTICLES).keys()]
      .flatMap((index) => [path(name(index)), path(`renamed-${index}.txt`)])
      .filter((file) => existsSync(file) && statSync(file).isFile());
    const expected = articleFiles.length;
    const injected = Object.values(faults).reduce((sum, count) => sum + count, 0);
    assert.equal(expected, ARTICLES - faults.deleted - faults.movedOut - faults.replacedByFolder);

    const status = await waitForCorpus(server, expected);
    assert.equal(status.skipped, faults.emptied + faults.truncated, `skipped: ${JSON.stringify(status)}`);

    // Every speaker's quotes point at files that exist.
    const { speakers } = await server.connection.sendRequest<{ speakers: CorpusSpeaker[] }>(SpeakersRequest.method);
    const wanted = new Set(articleFiles.map(uriOf));
    const refs = speakers.flatMap((speaker) => speaker.quotes.map((quote) => quote.ref));
    assert.ok(refs.length > 0, 'no quotes left');
    const occurrences = await Promise.all(refs.map((ref) => server.connection.sendRequest<QuoteOccurrence[]>(QuoteOccurrencesRequest.method, ref)));
    assert.ok(occurrences.every((places) => places.length > 0), 'a listed quote has no places');
    const places = [...refs.map((ref) => ref.uri), ...occurrences.flat().map((occurrence) => occurrence.uri)];
    for (const uri of places) assert.ok(wanted.has(uri), `a quote still points at ${uri}`);
    const symbols = await server.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'whitfield' });
    for (const symbol of symbols) assert.ok(wanted.has(symbol.location.uri), `a symbol still points at ${symbol.location.uri}`);
    const renamedIndex = [...Array(ARTICLES).keys()].find((index) => existsSync(path(`renamed-${index}.txt`)));
    assert.ok(symbols.some((symbol) => symbol.location.uri === uriOf(path(`renamed-${renamedIndex}.txt`))), 'a renamed article is missing from the symbols');

    // Still serving: a hover on an open article.
    const text = readFileSync(articleFiles[0]!, 'utf8');
    await server.open(uriOf(articleFiles[0]!), text);
    const lines = text.split('\n');
    const line = lines.findIndex((candidate) => candidate.includes('Statement'));
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(articleFiles[0]!) }, position: { line, character: lines[line]!.indexOf('Statement') + 2 } });
    assert.ok(hover, 'no hover after the faults');

    const errors = server.logs.filter((entry) => entry.type === 1 || /Could not read|Error|exception/i.test(entry.message));
    assert.deepEqual(errors, [], 'the server logged errors');
    assert.ok(injected >= 140, `only ${injected} faults injected`);
    console.log(`      faults injected while indexing ${ARTICLES} articles: ${JSON.stringify(faults)}`);
  });
});

async function waitForCorpus(server: LspServer, articles: number): Promise<{ articles: number; skipped: number }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = server.corpusStatuses.at(-1);
    if (status && !status.indexing && status.articles === articles) return status;
    assert.ok(Date.now() < deadline, `the corpus did not converge to ${articles} articles: ${JSON.stringify(status)}`);
    await new Promise((resume) => setTimeout(resume, 50));
  }
}
