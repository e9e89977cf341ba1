import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentHash } from '../../server/src/corpus/articleAnalysis';
import { engineVersion } from '../../server/src/corpus/persistence/engineVersion';
import { readShard } from '../../server/src/corpus/persistence/shardFile';
import { LspServer, repoRoot } from './support/lspServer';

/** The content hashes the persisted index in `storage` holds entries for. */
function storedHashes(storage: string): Set<string> {
  const engine = engineVersion(resolve(repoRoot, 'dist', 'analysisWorkerMain.js'));
  const hashes = new Set<string>();
  for (const name of readdirSync(storage).filter((file) => file.startsWith('analysis-index'))) {
    // Each file also holds the table of its entries' words, under a key that is no hash.
    for (const key of readShard(readFileSync(join(storage, name)), engine)?.keys() ?? []) if (/^[0-9a-f]{40}$/.test(key)) hashes.add(key);
  }
  return hashes;
}

describe('the persisted index over LSP', function () {
  this.timeout(60_000);
  let workspace: string;
  let storage: string;

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'article-lens-persisted-'));
    storage = mkdtempSync(join(tmpdir(), 'article-lens-storage-'));
    cpSync(resolve(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  });
  afterEach(() => {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  });

  it('keeps what the disk holds of every article file, open ones included, and never an editor\'s edits', async () => {
    const files = readdirSync(join(workspace, 'seeds')).filter((name) => name.endsWith('.txt')).sort().map((name) => join(workspace, 'seeds', name));
    const [clean, edited] = files;
    assert.ok(clean && edited);
    const editedText = `Edited. ${readFileSync(edited, 'utf8')}`;
    const server = await LspServer.start(workspace, { initializationOptions: { storagePath: storage } });
    try {
      // Opened before the scan reaches them, as a restored window's editors are.
      await server.open(pathToFileURL(clean).toString(), readFileSync(clean, 'utf8'));
      await server.open(pathToFileURL(edited).toString(), readFileSync(edited, 'utf8'));
      await server.change(pathToFileURL(edited).toString(), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Edited. ' }]);
      await server.corpusReady(files.length);
    } finally {
      await server.stop();
    }
    const stored = storedHashes(storage);
    for (const path of files) assert.ok(stored.has(contentHash(readFileSync(path, 'utf8'))), `${path} is stored as the disk holds it`);
    assert.equal(stored.has(contentHash(editedText)), false, 'an editor\'s edits are not stored');
    assert.equal(stored.size, files.length);
  });
});
