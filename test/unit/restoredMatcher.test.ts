import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ArticleAnalyzer } from '../../server/src/corpus/articleAnalysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { CorpusLinks } from '../../server/src/corpus/corpusLinks';
import { QuoteMatcher } from '../../server/src/corpus/matching/quoteMatcher';
import { AnalysisStore } from '../../server/src/corpus/persistence/analysisStore';
import { WorkspaceIndexer, type SaveTiming } from '../../server/src/corpus/workspaceIndexer';

const LIMIT = 1_000_000;
const SAVE_AT_ONCE: SaveTiming = { delayMs: 0, quietMs: 0, maxDeferMs: 0 };
const MATCHER_FILE = 'analysis-matcher.v2.bin';

/** A session of the server, wired as server.ts wires it: a scan holds counting, and its end counts. */
async function session(workspace: string, storage: string): Promise<{ corpus: Corpus; links: CorpusLinks; analyzer: ArticleAnalyzer; restored: number }> {
  const corpus = new Corpus();
  const analyzer = new ArticleAnalyzer(null);
  analyzer.useStore(AnalysisStore.open(storage, 'engine-1'));
  const links = new CorpusLinks(corpus, 0, analyzer, 'build-1');
  const host = { settingsOf: async () => ({ include: ['**/*.txt'], maxFileSize: LIMIT }), isOpen: () => false, log: () => undefined };
  const indexer = new WorkspaceIndexer(corpus, analyzer, host, SAVE_AT_ONCE, 0);
  const progress = { begin: () => links.holdCounting(), report: () => undefined, end: () => links.countNow() };
  const restore = QuoteMatcher.restored.bind(QuoteMatcher);
  let restored = 0;
  QuoteMatcher.restored = (snapshot) => {
    const matcher = restore(snapshot);
    if (matcher) restored += 1;
    return matcher;
  };
  try {
    await indexer.reindex([pathToFileURL(workspace).toString()], progress);
  } finally {
    QuoteMatcher.restored = restore;
  }
  await indexer.flush();
  return { corpus, links, analyzer, restored };
}

/** Every cross-article answer the links give of the corpus's quotes. */
async function answers(corpus: Corpus, links: CorpusLinks): Promise<unknown> {
  const byQuote = [...corpus.all()]
    .sort((a, b) => (a.uri < b.uri ? -1 : 1))
    .flatMap((article) => (article.analysis?.quotes ?? []).map((quote) => [article.uri, quote.id, links.matchesOf(article.uri, quote.id), links.paraphrasesOf(article.uri, quote.id)]));
  return { byQuote, clusters: await links.clusters() };
}

describe('a warm start restores the quote matcher', () => {
  let workspace: string;
  let storage: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'article-lens-matcher-'));
    storage = mkdtempSync(join(tmpdir(), 'article-lens-matcher-storage-'));
    const seeds = join(resolve(__dirname, '../../..'), 'seeds');
    cpSync(seeds, workspace, { recursive: true });
    // Copies, so that quotes recur across articles.
    for (const name of readdirSync(seeds)) if (name.endsWith('.txt')) cpSync(join(seeds, name), join(workspace, `copy-${name}`));
  });
  afterEach(() => {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  });

  it('answers as a matcher built afresh, with files changed, deleted and added since', async () => {
    const first = await session(workspace, storage);
    assert.equal(first.restored, 0, 'nothing to restore at a cold start');
    // Every article claims what it had indexed: the indexes do not change, and the file is not written again.
    const saved = statSync(join(storage, MATCHER_FILE));
    const unchanged = await session(workspace, storage);
    assert.equal(unchanged.restored, 1);
    assert.deepStrictEqual([statSync(join(storage, MATCHER_FILE)).ino, statSync(join(storage, MATCHER_FILE)).mtimeMs], [saved.ino, saved.mtimeMs]);
    // Claimed by fingerprint and quote count, no article's quotes were built from the stored analyses (see decodeAnalysis).
    const quotesBuilt = [...unchanged.corpus.all()].filter((article) => article.analysis && Object.getOwnPropertyDescriptor(article.analysis, 'quotes')?.get === undefined);
    assert.deepStrictEqual(quotesBuilt.map((article) => article.uri), []);
    assert.deepStrictEqual(await answers(unchanged.corpus, unchanged.links), await answers(first.corpus, first.links));
    // Typing in an editor changes the matcher, but a save does not write it for that; a file changed on disk does.
    const written = (): number[] => [statSync(join(storage, MATCHER_FILE)).ino, statSync(join(storage, MATCHER_FILE)).mtimeMs];
    const uri = [...unchanged.corpus.all()][0]?.uri as string;
    const typed = `${unchanged.corpus.get(uri)?.text}\n\n"Typed in an editor," she said.\n`;
    unchanged.corpus.set(uri, typed, 'editor', 2, unchanged.analyzer.analyse(uri, typed, LIMIT));
    await unchanged.analyzer.saveStore([...unchanged.corpus.all()].map((article) => article.uri));
    assert.deepStrictEqual(written(), [saved.ino, saved.mtimeMs]);
    unchanged.corpus.set(uri, typed, 'disk', 0, await unchanged.analyzer.analyseInBackground(uri, typed, LIMIT));
    await unchanged.analyzer.saveStore([...unchanged.corpus.all()].map((article) => article.uri));
    assert.notDeepStrictEqual(written(), [saved.ino, saved.mtimeMs]);
    const names = readdirSync(workspace).filter((name) => name.startsWith('copy-')).sort();
    const [changed, deleted, source] = names as [string, string, string];
    appendFileSync(join(workspace, changed), '\n\n"We will not back down," the mayor said on Tuesday.\n');
    rmSync(join(workspace, deleted));
    writeFileSync(join(workspace, 'added.txt'), readFileSync(join(workspace, source), 'utf8').replace(/\bsaid\b/, 'stated'));

    const warm = await session(workspace, storage);
    assert.equal(warm.restored, 1, 'the saved matcher is restored');
    const expected = await answers(warm.corpus, new CorpusLinks(warm.corpus, 0));
    assert.deepStrictEqual(await answers(warm.corpus, warm.links), expected);
    const linked = (expected as { byQuote: [string, string, unknown[]][] }).byQuote.filter(([, , matches]) => matches.length > 0);
    assert.ok(linked.length > 20, `only ${linked.length} quotes have matches: the comparison says little`);
    assert.ok(linked.some(([uri]) => uri.endsWith('added.txt')) && !linked.some(([uri]) => uri.endsWith(deleted)));
  });

  it('indexes every article afresh when the saved matcher is damaged', async () => {
    await session(workspace, storage);
    const path = join(storage, MATCHER_FILE);
    const bytes = readFileSync(path);
    bytes[bytes.length >> 1] ^= 0x40;
    writeFileSync(path, bytes);
    const damaged = await session(workspace, storage);
    assert.equal(damaged.restored, 0, 'a file that fails its checksum is not restored');
    assert.deepStrictEqual(await answers(damaged.corpus, damaged.links), await answers(damaged.corpus, new CorpusLinks(damaged.corpus, 0)));
    // That session saved its matcher whole again.
    assert.equal((await session(workspace, storage)).restored, 1);
  });
});
