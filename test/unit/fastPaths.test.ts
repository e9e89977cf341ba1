import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ArticleAnalyzer, contentHash } from '../../server/src/corpus/articleAnalysis';
import { AnalysisStore } from '../../server/src/corpus/persistence/analysisStore';
import { AnalysisPool } from '../../server/src/corpus/workers/analysisPool';
import { analyze, type Analysis } from '../../server/src/engine';

const repoRoot = resolve(__dirname, '../../..');
const workerScript = join(repoRoot, 'dist', 'analysisWorker.js');
const seeds = readdirSync(join(repoRoot, 'seeds'))
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => readFileSync(join(repoRoot, 'seeds', file), 'utf8'));
const LIMIT = 2_000_000;

/** A seeded pseudo-random source, so every run makes the same edits. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4294967296;
  };
}

const INSERTS = ['x', ' ', '"', '“', '”', '\n\n', ', said John Smith. ', 'Reuters ', ' according to officials', "'", 'The'];

/** Typing-like edits (insertions and deletions of a few characters) applied one after another to the seeds. */
function editedTexts(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const texts: string[] = [];
  let text = seeds[0] as string;
  for (let edit = 0; edit < count; edit++) {
    if (edit % 60 === 0) text = seeds[(edit / 60) % seeds.length] as string;
    const at = Math.floor(random() * text.length);
    if (random() < 0.6) text = text.slice(0, at) + (INSERTS[Math.floor(random() * INSERTS.length)] as string) + text.slice(at);
    else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 6));
    texts.push(text);
  }
  return texts;
}

function analysisOf(result: { analysis: Analysis | null }): Analysis {
  assert.ok(result.analysis, 'expected an analysis');
  return result.analysis;
}

describe('fast paths give the plain analysis', function () {
  this.timeout(300_000);
  const edits = editedTexts(300, 42);

  it('the worker pool, with real threads, equals analyze() on the seeds and on 300 edited texts', async () => {
    assert.ok(existsSync(workerScript), `build first: ${workerScript} is missing`);
    const pool = new AnalysisPool(workerScript, 2);
    try {
      assert.equal(pool.threaded, true);
      const texts = [...seeds, ...edits];
      const results = await Promise.all(texts.map((text) => pool.analyse(text)));
      texts.forEach((text, index) => assert.deepStrictEqual(results[index], analyze(text), `text ${index}`));
    } finally {
      await pool.dispose();
    }
  });

  it('urgent texts overtake queued ones and still equal analyze()', async () => {
    const pool = new AnalysisPool(workerScript, 1);
    try {
      const order: string[] = [];
      const queued = seeds.map((text, index) => pool.analyse(text).then((analysis) => (order.push(`seed${index}`), analysis)));
      const urgent = pool.analyse(edits[7] as string, true).then((analysis) => (order.push('urgent'), analysis));
      assert.deepStrictEqual(await urgent, analyze(edits[7] as string));
      await Promise.all(queued);
      // Two tasks were already handed to the worker; the urgent one comes right after them.
      assert.ok(order.indexOf('urgent') <= 2, order.join(', '));
    } finally {
      await pool.dispose();
    }
  });

  it('without a worker script the pool analyses in-process, with the same results', async () => {
    const pool = new AnalysisPool(join(repoRoot, 'no-such-worker.js'), 2);
    assert.equal(pool.threaded, false);
    for (const text of [...seeds, ...edits.slice(0, 20)]) assert.deepStrictEqual(await pool.analyse(text), analyze(text));
  });

  it('the analyzer (in memory cache, in background, after edits and undos) equals analyze()', async () => {
    const pool = new AnalysisPool(workerScript, 2);
    const analyzer = new ArticleAnalyzer(pool, 16);
    try {
      for (const [index, text] of edits.entries()) {
        const uri = `file:///edited/${index % 7}.txt`;
        const expected = analyze(text);
        assert.deepStrictEqual(analysisOf(analyzer.analyse(uri, text, LIMIT)), expected, `edit ${index}, in place`);
        assert.deepStrictEqual(analysisOf(await analyzer.analyseInBackground(uri, text, LIMIT)), expected, `edit ${index}, in background`);
      }
      // Undoing back to an earlier text hits the cache: still the plain analysis.
      for (const text of seeds) assert.deepStrictEqual(analysisOf(await analyzer.analyseInBackground('file:///undo.txt', text, LIMIT)), analyze(text));
    } finally {
      await pool.dispose();
    }
  });

  it('the persisted store gives back what was analysed, and ignores stale or corrupt files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'article-lens-store-'));
    try {
      const writer = new ArticleAnalyzer(null);
      writer.useStore(AnalysisStore.open(folder, 'engine-1'));
      const uris = seeds.map((_text, index) => `file:///seed/${index}.txt`);
      for (const [index, text] of seeds.entries()) await writer.analyseInBackground(uris[index] as string, text, LIMIT);
      await writer.saveStore(uris);

      const reopened = await AnalysisStore.open(folder, 'engine-1');
      assert.equal(reopened.size, seeds.length);
      for (const text of seeds) assert.deepStrictEqual(reopened.get(contentHash(text)), analyze(text));
      // A warm start reads the analyses from the store and they equal fresh ones.
      const reader = new ArticleAnalyzer(null);
      reader.useStore(AnalysisStore.open(folder, 'engine-1'));
      for (const text of seeds) assert.deepStrictEqual(analysisOf(await reader.analyseInBackground('file:///w.txt', text, LIMIT)), analyze(text));

      assert.equal((await AnalysisStore.open(folder, 'engine-2')).size, 0, 'another engine build must not reuse analyses');
      const [file] = readdirSync(folder);
      writeFileSync(join(folder, file as string), Buffer.from('not an index at all'));
      assert.equal((await AnalysisStore.open(folder, 'engine-1')).size, 0, 'a corrupt file is ignored');
      const rebuilt = new ArticleAnalyzer(null);
      rebuilt.useStore(AnalysisStore.open(folder, 'engine-1'));
      assert.deepStrictEqual(analysisOf(await rebuilt.analyseInBackground(uris[0] as string, seeds[0] as string, LIMIT)), analyze(seeds[0] as string));
      await rebuilt.saveStore([uris[0] as string]);
      assert.equal((await AnalysisStore.open(folder, 'engine-1')).size, 1, 'the corrupt file is replaced at the next save');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
