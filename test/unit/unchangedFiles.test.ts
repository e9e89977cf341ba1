import assert from 'node:assert/strict';
import fs, { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ArticleAnalyzer } from '../../server/src/corpus/articleAnalysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { AnalysisStore } from '../../server/src/corpus/persistence/analysisStore';
import { WorkspaceIndexer, type SaveTiming } from '../../server/src/corpus/workspaceIndexer';
import { analyze } from '../../server/src/engine';

const LIMIT = 1_000_000;
const SAVE_AT_ONCE: SaveTiming = { delayMs: 0, quietMs: 0, maxDeferMs: 0 };
const NO_PROGRESS = { begin: () => undefined, report: () => undefined, end: () => undefined };

/** A session of the server: a corpus kept by an indexer, with the store in `storage`. */
function session(storage: string, settledAfterMs: number): { corpus: Corpus; indexer: WorkspaceIndexer; analyzer: ArticleAnalyzer } {
  const corpus = new Corpus();
  const analyzer = new ArticleAnalyzer(null);
  analyzer.useStore(AnalysisStore.open(storage, 'engine-1'));
  const host = { settingsOf: async () => ({ include: ['**/*.txt'], maxFileSize: LIMIT }), isOpen: () => false, log: () => undefined };
  return { corpus, analyzer, indexer: new WorkspaceIndexer(corpus, analyzer, host, SAVE_AT_ONCE, settledAfterMs) };
}

/** Indexes the workspace, then writes the store as a session's end does; answers which files were opened meanwhile. */
async function indexedAndSaved(workspace: string, storage: string, settledAfterMs = 0): Promise<{ corpus: Corpus; opened: string[] }> {
  const { corpus, indexer } = session(storage, settledAfterMs);
  const opened: string[] = [];
  const openSync = fs.openSync;
  // Articles are opened for reading only, as `openSync(path, 'r')`.
  fs.openSync = ((path: fs.PathLike, flags: fs.OpenMode) => {
    if (String(path).startsWith(workspace)) opened.push(String(path));
    return openSync(path, flags);
  }) as typeof fs.openSync;
  try {
    await indexer.reindex([pathToFileURL(workspace).toString()], NO_PROGRESS);
  } finally {
    fs.openSync = openSync;
  }
  await indexer.flush();
  return { corpus, opened };
}

function articleTexts(corpus: Corpus): Map<string, string> {
  return new Map([...corpus.all()].map((article) => [article.uri, article.text]));
}

describe('a warm start takes unchanged files from the store', () => {
  let workspace: string;
  let storage: string;
  let files: string[];
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'article-lens-unchanged-'));
    storage = mkdtempSync(join(tmpdir(), 'article-lens-unchanged-storage-'));
    cpSync(join(resolve(__dirname, '../../..'), 'seeds'), workspace, { recursive: true });
    files = readdirSync(workspace).filter((name) => name.endsWith('.txt')).sort().map((name) => join(workspace, name));
  });
  afterEach(() => {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  });

  it('opens none of them, and gives each the text and analysis reading it would', async () => {
    const first = await indexedAndSaved(workspace, storage);
    assert.equal(first.opened.length, files.length, 'a cold start reads every file');
    const warm = await indexedAndSaved(workspace, storage);
    assert.deepStrictEqual(warm.opened, [], 'a warm start reads no unchanged file');
    assert.deepStrictEqual(articleTexts(warm.corpus), articleTexts(first.corpus));
    for (const path of files) {
      const article = warm.corpus.get(pathToFileURL(path).toString());
      assert.deepStrictEqual(article?.analysis, analyze(readFileSync(path, 'utf8')), path);
    }
  });

  it('reads a file again when it changed, even to the same size with its modification time set back', async () => {
    const changed = files[0] as string;
    // Whole seconds, which every file system keeps exactly: setting the time back restores it to the last bit.
    const longAgo = new Date('2020-01-02T03:04:05Z');
    utimesSync(changed, longAgo, longAgo);
    await indexedAndSaved(workspace, storage);
    const before = readFileSync(changed, 'utf8');
    const after = before.replace(/[a-z]/, (letter) => (letter === 'z' ? 'y' : 'z'));
    assert.notEqual(after, before);
    writeFileSync(changed, after);
    utimesSync(changed, longAgo, longAgo);
    assert.equal(statSync(changed).mtimeMs, longAgo.getTime());
    const warm = await indexedAndSaved(workspace, storage);
    assert.deepStrictEqual(warm.opened, [changed], 'only the changed file is read');
    const article = warm.corpus.get(pathToFileURL(changed).toString());
    assert.equal(article?.text, after);
    assert.deepStrictEqual(article?.analysis, analyze(after));
  });

  it('reads files again whose last change was too recent, when read, to vouch for what was read', async () => {
    await indexedAndSaved(workspace, storage, 60_000);
    const warm = await indexedAndSaved(workspace, storage, 60_000);
    assert.equal(warm.opened.length, files.length);
  });

  it('reads a file again whose stored text is lost with a damaged index file, and drops a file deleted since', async () => {
    const first = await indexedAndSaved(workspace, storage);
    for (const name of readdirSync(storage).filter((file) => file.startsWith('analysis-index'))) {
      const bytes = readFileSync(join(storage, name));
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
      writeFileSync(join(storage, name), bytes);
    }
    const deleted = files[1] as string;
    rmSync(deleted);
    const warm = await indexedAndSaved(workspace, storage);
    assert.equal(warm.opened.length, files.length - 1, 'every file left is read');
    const expected = articleTexts(first.corpus);
    expected.delete(pathToFileURL(deleted).toString());
    assert.deepStrictEqual(articleTexts(warm.corpus), expected);
  });
});
