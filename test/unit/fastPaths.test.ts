import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ArticleAnalyzer, contentHash } from '../../server/src/corpus/articleAnalysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { CorpusLinks } from '../../server/src/corpus/corpusLinks';
import { AnalysisStore } from '../../server/src/corpus/persistence/analysisStore';
import { QuoteMatcher } from '../../server/src/corpus/matching';
import { buildClusters, type ClusterSource } from '../../server/src/corpus/matching/clusters';
import { tabledWords } from '../../server/src/corpus/matching/wordTable';
import { AnalysisPool } from '../../server/src/corpus/workers/analysisPool';
import type { AnalysedText } from '../../server/src/corpus/workers/analysisMessages';
import { analyze, type Analysis } from '../../server/src/engine';
import { seededRandom } from '../../scripts/bench/corpusGenerator';
import { plainAnalysis, typingEdit } from './support/typing';

const repoRoot = resolve(__dirname, '../../..');
const workerScript = join(repoRoot, 'dist', 'analysisWorker.js');
const seeds = readdirSync(join(repoRoot, 'seeds'))
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => readFileSync(join(repoRoot, 'seeds', file), 'utf8'));
const LIMIT = 2_000_000;

const INSERTS = ['x', ' ', '"', '“', '”', '\n\n', ', said John Smith. ', 'Reuters ', ' according to officials', "'", 'The'];

/** Typing-like edits (insertions and deletions of a few characters) applied one after another to the seeds. */
function editedTexts(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const texts: string[] = [];
  let text = seeds[0] as string;
  for (let edit = 0; edit < count; edit++) {
    if (edit % 60 === 0) text = seeds[(edit / 60) % seeds.length] as string;
    text = typingEdit(text, random, INSERTS);
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

  it('the worker pool, with real threads, equals analyze() and the plain matcher input on the seeds and on 300 edited texts', async () => {
    assert.ok(existsSync(workerScript), `build first: ${workerScript} is missing`);
    const pool = new AnalysisPool(workerScript, 2);
    try {
      assert.equal(pool.threaded, true);
      const texts = [...seeds, ...edits];
      const results = await Promise.all(texts.map((text) => pool.analyse(text)));
      texts.forEach((text, index) => assert.deepStrictEqual(results[index], plainAnalysis(text), `text ${index}`));
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
      assert.deepStrictEqual(await urgent, plainAnalysis(edits[7] as string));
      await Promise.all(queued);
      // Two tasks were already handed to the worker; the urgent one comes right after them.
      assert.ok(order.indexOf('urgent') <= 2, order.join(', '));
    } finally {
      await pool.dispose();
    }
  });

  it('a text that runs a worker out of memory is analysed here, and the pool keeps its threads', async () => {
    const starts = join(mkdtempSync(join(tmpdir(), 'article-lens-oom-')), 'starts');
    writeFileSync(starts, '');
    process.env.ARTICLE_LENS_TEST_WORKER_STARTS = starts;
    const pool = new AnalysisPool(join(repoRoot, 'test', 'fixtures', 'outOfMemoryWorker.js'), 1);
    try {
      const texts = [seeds[0], seeds[1], `${seeds[2]}\n\nRUN OUT OF MEMORY`, seeds[3], seeds[4]] as string[];
      const results = await Promise.all(texts.map((text) => pool.analyse(text)));
      texts.forEach((text, index) => assert.deepStrictEqual(results[index], plainAnalysis(text), `text ${index}`));
      assert.equal(pool.threaded, true, 'running out of memory is no failure of the threads');
      // The first worker died on the culprit, the first of the texts it had; a second did the rest.
      assert.equal(readFileSync(starts, 'utf8').split('\n').filter(Boolean).length, 2);
    } finally {
      delete process.env.ARTICLE_LENS_TEST_WORKER_STARTS;
      await pool.dispose();
      rmSync(dirname(starts), { recursive: true, force: true });
    }
  });

  it('idle workers are stopped, and the next text starts one again with the same results', async () => {
    const pool = new AnalysisPool(workerScript, 1, 50);
    try {
      assert.deepStrictEqual(await pool.analyse(seeds[0] as string), plainAnalysis(seeds[0] as string));
      assert.equal(pool.running, 1);
      await new Promise((resume) => setTimeout(resume, 300));
      assert.equal(pool.running, 0, 'the idle worker was stopped');
      assert.equal(pool.threaded, true, 'a stopped idle worker is no failure');
      assert.deepStrictEqual(await pool.analyse(seeds[1] as string), plainAnalysis(seeds[1] as string));
      assert.equal(pool.running, 1);
    } finally {
      await pool.dispose();
    }
  });

  it('a second worker stops soon after a burst, also while the first goes on taking an editor\'s texts', async () => {
    const pool = new AnalysisPool(workerScript, 2, 10_000);
    const burst = (from: number): Promise<AnalysedText[]> => Promise.all(edits.slice(from, from + 16).map((text) => pool.analyse(text)));
    try {
      const typedInto = burst(0);
      assert.equal(pool.running, 2, 'a burst starts both workers');
      await typedInto;
      // Typing: one text at a time, each awaited, for longer than a second worker may stay idle.
      const typingUntil = performance.now() + 600;
      for (let stroke = 0; performance.now() < typingUntil; stroke++) {
        const text = edits[40 + (stroke % 20)] as string;
        assert.deepStrictEqual(await pool.analyse(text, true), plainAnalysis(text), `stroke ${stroke}`);
      }
      assert.equal(pool.running, 1, 'typing kept only the first worker');

      const leftAlone = burst(20);
      assert.equal(pool.running, 2, 'the next burst starts a second worker again');
      await leftAlone;
      await new Promise((resume) => setTimeout(resume, 600));
      assert.equal(pool.running, 1, 'the second worker stopped; the first stays');
    } finally {
      await pool.dispose();
    }
  });

  it('with nothing stored, a worker starts before the first text comes, and stops when none does; with analyses stored, none starts', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'article-lens-prepare-'));
    const pools: AnalysisPool[] = [];
    try {
      const empty = new AnalysisPool(workerScript, 1, 100);
      pools.push(empty);
      new ArticleAnalyzer(empty).useStore(AnalysisStore.open(folder, 'engine-1'));
      await new Promise((resume) => setTimeout(resume, 50));
      assert.equal(empty.running, 1, 'started with nothing stored and no text yet');
      await new Promise((resume) => setTimeout(resume, 400));
      assert.equal(empty.running, 0, 'stopped, as any idle worker, when no text came');

      const writer = new ArticleAnalyzer(null);
      writer.useStore(AnalysisStore.open(folder, 'engine-1'));
      await writer.analyseInBackground('file:///seed.txt', seeds[0] as string, LIMIT);
      await writer.saveStore(['file:///seed.txt']);
      const stored = new AnalysisPool(workerScript, 1, 100);
      pools.push(stored);
      new ArticleAnalyzer(stored).useStore(AnalysisStore.open(folder, 'engine-1'));
      await new Promise((resume) => setTimeout(resume, 50));
      assert.equal(stored.running, 0, 'a warm start may need no worker at all');
    } finally {
      await Promise.all(pools.map((pool) => pool.dispose()));
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('while editors are open one idle worker stays for their keystrokes, and goes once they are closed', async () => {
    const pool = new AnalysisPool(workerScript, 1, 50);
    try {
      pool.keepOneForEditors(true);
      assert.deepStrictEqual(await pool.analyse(seeds[0] as string, true), plainAnalysis(seeds[0] as string));
      await new Promise((resume) => setTimeout(resume, 300));
      assert.equal(pool.running, 1, 'kept while editors are open');
      pool.keepOneForEditors(false);
      await new Promise((resume) => setTimeout(resume, 300));
      assert.equal(pool.running, 0, 'stopped once none is');
    } finally {
      await pool.dispose();
    }
  });

  it('without a worker script the pool analyses in-process, with the same results', async () => {
    const pool = new AnalysisPool(join(repoRoot, 'no-such-worker.js'), 2);
    assert.equal(pool.threaded, false);
    for (const text of [...seeds, ...edits.slice(0, 20)]) assert.deepStrictEqual(await pool.analyse(text), plainAnalysis(text));
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

  it('the matcher indexes input prepared on a worker exactly as text it reads itself, and ignores input prepared for other quotes', async () => {
    const pool = new AnalysisPool(workerScript, 2);
    try {
      const texts = [...seeds, ...edits.filter((_text, index) => index % 5 === 0)];
      const prepared = await Promise.all(texts.map((text) => pool.analyse(text)));
      const reading = new QuoteMatcher();
      const merging = new QuoteMatcher();
      texts.forEach((text, index) => {
        const { analysis, matching } = prepared[index] as AnalysedText;
        const uri = `file:///a/${index % 40}.txt`;
        // Every third article as an annotation overlay might leave it: a quote fewer than the input was prepared for.
        const quotes = index % 3 === 2 ? analysis.quotes.slice(1) : analysis.quotes;
        reading.setArticle(uri, text, quotes);
        merging.setArticle(uri, text, quotes, matching);
        if (index % 11 === 10) {
          reading.removeArticle(`file:///a/${index % 7}.txt`);
          merging.removeArticle(`file:///a/${index % 7}.txt`);
        }
      });
      assert.ok(reading.stats().quotes > 100, 'the corpus has quotes to match');
      assert.deepStrictEqual(merging, reading);
      assert.deepStrictEqual(merging.clusters(), reading.clusters());
    } finally {
      await pool.dispose();
    }
  });

  it('the matcher indexes input read back from the persisted store, its words as places in a table of the file’s words, exactly as text it reads itself', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'article-lens-store-'));
    try {
      const texts = [...seeds, ...edits.filter((_text, index) => index % 4 === 0)];
      const uris = texts.map((_text, index) => `file:///t/${index}.txt`);
      const writer = new ArticleAnalyzer(null);
      writer.useStore(AnalysisStore.open(folder, 'engine-1'));
      for (const [index, text] of texts.entries()) await writer.analyseInBackground(uris[index] as string, text, LIMIT);
      await writer.saveStore(uris);
      const store = await AnalysisStore.open(folder, 'engine-1');
      const reading = new QuoteMatcher();
      const merging = new QuoteMatcher();
      texts.forEach((text, index) => {
        const stored = store.get(contentHash(text), text);
        assert.ok(stored && tabledWords(stored.matching), `text ${index} is read back with its words in a table`);
        reading.setArticle(uris[index] as string, text, stored.analysis.quotes);
        merging.setArticle(uris[index] as string, text, stored.analysis.quotes, stored.matching);
      });
      assert.ok(reading.stats().quotes > 100, 'the corpus has quotes to match');
      // Equal down to the vocabulary: words are given ids in the order the text would have met them.
      assert.deepStrictEqual(merging, reading);
      assert.deepStrictEqual(merging.clusters(), reading.clusters());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('remembered answers to "does another article carry this quote" equal a fresh matcher’s, through edits of one article and changes to others', () => {
    const current = new Map(seeds.map((text, index) => [`file:///s/${index}.txt`, text]));
    const long = new QuoteMatcher();
    const setBoth = (uri: string, text: string): void => {
      current.set(uri, text);
      long.setArticle(uri, text, analyze(text).quotes);
    };
    for (const [uri, text] of current) setBoth(uri, text);
    let linkedSeen = 0;
    edits.forEach((text, index) => {
      // Mostly typing in one article; now and then another article changes or leaves.
      if (index % 17 === 16) setBoth(`file:///s/${index % seeds.length}.txt`, edits[index - 1] as string);
      if (index % 29 === 28) {
        current.delete('file:///s/4.txt');
        long.removeArticle('file:///s/4.txt');
      }
      setBoth('file:///s/0.txt', text);
      const fresh = new QuoteMatcher();
      for (const [uri, article] of current) fresh.setArticle(uri, article, analyze(article).quotes);
      for (const uri of current.keys()) {
        for (const quote of long.quotesOf(uri)) {
          const carried = long.carriedElsewhere(uri, quote.id);
          assert.equal(carried, fresh.carriedElsewhere(uri, quote.id), `edit ${index}, ${uri} ${quote.id}`);
          assert.equal(long.carriedElsewhere(uri, quote.id, false), carried, `edit ${index}, ${uri} ${quote.id}, not remembered`);
          if (carried) linkedSeen += 1;
        }
      }
    });
    assert.ok(linkedSeen > 1000, `quotes carried elsewhere were asked about (${linkedSeen})`);
  });

  it('clusters worked out once per distinct quote equal clusters worked out from every copy’s own matches and paraphrases', async () => {
    const matcher = new QuoteMatcher();
    // Copies of each seed (some of them edited) carry its quotes into many articles, and edited copies restate them.
    const articles = seeds.flatMap((text, index) => [text, ...[0, 1, 2].map((copy) => (copy === 2 ? (edits[index * 50 + 30] as string) : text))]);
    articles.forEach((text, index) => matcher.setArticle(`file:///c/${index}.txt`, text, analyze(text).quotes));
    // Every quote its own key, and paraphrases asked outside clustering: nothing is shared between copies.
    const plainSource: ClusterSource = {
      articleIds: () => matcher.articleIds(),
      quotesOf: (articleId) => matcher.quotesOf(articleId),
      quoteSpan: (articleId, quoteId) => matcher.quoteSpan(articleId, quoteId),
      comparableText: (articleId, quoteId) => matcher.comparableText(articleId, quoteId),
      matchKey: (articleId, quoteId) => `${articleId}#${quoteId}`,
      matchesOf: (articleId, quoteId) => matcher.matchesOf(articleId, quoteId),
      paraphrasesOf: (articleId, quoteId) => matcher.paraphrasesOf(articleId, quoteId),
    };
    const clusters = matcher.clusters();
    assert.deepStrictEqual(clusters, buildClusters(plainSource));
    assert.ok(clusters.some((cluster) => new Set(cluster.occurrences.map((occurrence) => occurrence.articleId)).size >= 4), 'quotes are copied into several articles');
    assert.ok(clusters.some((cluster) => cluster.paraphrases.length > 0), 'some quotes are restated');

    let pauses = 0;
    assert.deepStrictEqual(await matcher.clustersWithPauses(async () => void pauses++), clusters, 'worked out with pauses, the same clusters');
    assert.ok(pauses > 50, `the work was cut into pieces (${pauses})`);
    const stale = await matcher.clustersWithPauses(async () => {
      if (pauses-- === 10) matcher.removeArticle('file:///c/0.txt');
    });
    assert.equal(stale, null, 'an article left while the clusters were worked out');
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
      for (const text of seeds) assert.deepStrictEqual(reopened.get(contentHash(text), text), plainAnalysis(text));
      // A warm start reads the analyses from the store and they equal fresh ones.
      const reader = new ArticleAnalyzer(null);
      reader.useStore(AnalysisStore.open(folder, 'engine-1'));
      for (const text of seeds) assert.deepStrictEqual(analysisOf(await reader.analyseInBackground('file:///w.txt', text, LIMIT)), analyze(text));

      assert.equal((await AnalysisStore.open(folder, 'engine-2')).size, 0, 'another engine build must not reuse analyses');
      // A file with a changed byte fails its checksum: it costs its own entries, not the other files'.
      const [fileWithEntries] = readdirSync(folder).filter((name) => name.startsWith('analysis-index'));
      assert.ok(fileWithEntries, 'the store wrote its entries');
      const shardBytes = readFileSync(join(folder, fileWithEntries));
      const inBrokenFile = new Set(seeds.map(contentHash).filter((hash) => shardBytes.includes(hash)));
      const [brokenHash] = inBrokenFile;
      assert.ok(brokenHash !== undefined, 'the file holds an entry of a seed');
      // Its bytes start after the hash and their 4-byte length.
      shardBytes.write('not an entry', shardBytes.indexOf(brokenHash) + brokenHash.length + 4, 'latin1');
      writeFileSync(join(folder, fileWithEntries), shardBytes);
      const withBroken = await AnalysisStore.open(folder, 'engine-1');
      assert.equal(withBroken.size, seeds.length - inBrokenFile.size, 'only the damaged file’s entries are left out');
      assert.equal(withBroken.get(brokenHash, ''), undefined);
      for (const text of seeds) if (!inBrokenFile.has(contentHash(text))) assert.deepStrictEqual(withBroken.get(contentHash(text), text), plainAnalysis(text));
      const files = readdirSync(folder);
      assert.ok(files.length > 1, 'the index is spread over several files');
      writeFileSync(join(folder, files[0] as string), Buffer.from('not an index at all'));
      const partly = (await AnalysisStore.open(folder, 'engine-1')).size;
      assert.ok(partly < seeds.length, 'the entries of a corrupt file are ignored');
      for (const text of seeds) {
        const entry = (await AnalysisStore.open(folder, 'engine-1')).get(contentHash(text), text);
        if (entry) assert.deepStrictEqual(entry, plainAnalysis(text), 'the other files still give back what was analysed');
      }
      for (const file of files) writeFileSync(join(folder, file), Buffer.from('not an index at all'));
      assert.equal((await AnalysisStore.open(folder, 'engine-1')).size, 0, 'corrupt files are ignored');
      const rebuilt = new ArticleAnalyzer(null);
      rebuilt.useStore(AnalysisStore.open(folder, 'engine-1'));
      assert.deepStrictEqual(analysisOf(await rebuilt.analyseInBackground(uris[0] as string, seeds[0] as string, LIMIT)), analyze(seeds[0] as string));
      await rebuilt.saveStore([uris[0] as string]);
      assert.equal((await AnalysisStore.open(folder, 'engine-1')).size, 1, 'the corrupt file is replaced at the next save');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('matches and paraphrases remembered between questions equal a fresh corpus’s answers after every change', async () => {
    const analyzer = new ArticleAnalyzer(null);
    const corpus = new Corpus();
    const links = new CorpusLinks(corpus, 0);
    const uris = seeds.map((_text, index) => `file:///recent/${index}.txt`);
    const set = async (target: Corpus, uri: string, text: string): Promise<void> => {
      target.set(uri, text, 'disk', 0, await analyzer.analyseInBackground(uri, text, LIMIT));
    };
    for (const [index, text] of seeds.entries()) await set(corpus, uris[index] as string, text);
    let asked = 0;
    const edited = uris[0] as string;
    for (const [step, text] of edits.slice(0, 40).entries()) {
      // Quotes of other articles carried by the one about to change, asked about (and so remembered) first.
      const probes = uris
        .slice(1)
        .flatMap((uri) => (corpus.get(uri)?.analysis?.quotes ?? []).map((quote) => ({ uri, id: quote.id })))
        .filter(({ uri, id }) => links.matchesOf(uri, id).some((match) => match.articleId === edited))
        .slice(0, 8);
      for (const { uri, id } of probes) links.paraphrasesOf(uri, id);
      await set(corpus, edited, text);
      const fresh = new Corpus();
      for (const article of corpus.all()) fresh.set(article.uri, article.text, 'disk', 0, await analyzer.analyseInBackground(article.uri, article.text, LIMIT));
      const freshLinks = new CorpusLinks(fresh, 0);
      for (const { uri, id } of probes) {
        assert.deepStrictEqual(links.matchesOf(uri, id), freshLinks.matchesOf(uri, id), `step ${step}, ${uri} ${id}`);
        assert.deepStrictEqual(links.paraphrasesOf(uri, id), freshLinks.paraphrasesOf(uri, id));
        asked += links.matchesOf(uri, id).length;
      }
    }
    assert.ok(asked > 40, `matches were compared (${asked})`);
  });

  it('while a scan adds articles, remembered matches are part of the fresh ones, and whole again once a change or the scan’s end comes', async () => {
    const analyzer = new ArticleAnalyzer(null);
    const corpus = new Corpus();
    const links = new CorpusLinks(corpus, 60_000);
    const set = async (target: Corpus, uri: string, text: string, origin: 'disk' | 'editor' = 'disk'): Promise<void> => {
      target.set(uri, text, origin, 0, await analyzer.analyseInBackground(uri, text, LIMIT));
    };
    const probe = 'file:///scan/probe.txt';
    await set(corpus, probe, seeds[0] as string);
    // No more quotes than answers are remembered, so that none is forgotten for want of room.
    const quotes = (corpus.get(probe)?.analysis?.quotes ?? []).slice(0, 3);
    assert.ok(quotes.length > 0);
    const fresh = async (): Promise<CorpusLinks> => {
      const copy = new Corpus();
      for (const article of corpus.all()) await set(copy, article.uri, article.text);
      return new CorpusLinks(copy, 60_000);
    };
    links.holdCounting();
    for (const quote of quotes) links.matchesOf(probe, quote.id);
    // The scan adds copies of the probe: each carries every one of its quotes.
    for (let copy = 0; copy < 3; copy++) await set(corpus, `file:///scan/copy-${copy}.txt`, seeds[0] as string);
    const during = await fresh();
    for (const quote of quotes) {
      const expected = during.matchesOf(probe, quote.id);
      for (const match of links.matchesOf(probe, quote.id)) assert.ok(expected.some((other) => JSON.stringify(other) === JSON.stringify(match)), 'a remembered match is a real one');
    }
    // A replaced article is no addition: answers are worked out afresh at once.
    await set(corpus, 'file:///scan/copy-0.txt', seeds[1] as string);
    const replaced = await fresh();
    for (const quote of quotes) assert.deepStrictEqual(links.matchesOf(probe, quote.id), replaced.matchesOf(probe, quote.id));
    await set(corpus, 'file:///scan/copy-3.txt', seeds[0] as string);
    links.countNow();
    const ended = await fresh();
    let carried = 0;
    for (const quote of quotes) {
      assert.deepStrictEqual(links.matchesOf(probe, quote.id), ended.matchesOf(probe, quote.id), 'the scan has ended: every match counts');
      carried += ended.matchesOf(probe, quote.id).filter((match) => match.articleId === 'file:///scan/copy-3.txt').length;
    }
    assert.ok(carried > 0, 'the last article added carries the probe’s quotes');
  });

  it('counts remembered in the store for a corpus equal counting it afresh, and are not reused for another corpus', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'article-lens-counts-'));
    const counted = (links: CorpusLinks): Promise<{ speakers: number; linkedQuotes: number }> =>
      new Promise((resolve) => links.onDidCount(() => resolve({ speakers: links.speakerCount(), linkedQuotes: links.linkedQuoteCount() })));
    /** A corpus of the seeds and, under other names, copies of some of them (so quotes are carried elsewhere). */
    const session = async (copies: number): Promise<{ analyzer: ArticleAnalyzer; corpus: Corpus; uris: string[] }> => {
      const analyzer = new ArticleAnalyzer(null);
      analyzer.useStore(AnalysisStore.open(folder, 'engine-1'));
      const corpus = new Corpus();
      const texts = [...seeds, ...seeds.slice(0, copies)];
      const uris = texts.map((_text, index) => `file:///corpus/${index}.txt`);
      for (const [index, text] of texts.entries()) corpus.set(uris[index] as string, text, 'disk', 0, await analyzer.analyseInBackground(uris[index] as string, text, LIMIT));
      return { analyzer, corpus, uris };
    };
    try {
      const first = await session(2);
      const fresh = counted(new CorpusLinks(first.corpus, 0, first.analyzer, 'build-1'));
      const expected = await fresh;
      assert.ok(expected.linkedQuotes > 0 && expected.speakers > 0, JSON.stringify(expected));
      await first.analyzer.saveStore(first.uris);

      // A new session over the same corpus recalls the counts; counting afresh (no memory) agrees with them.
      const second = await session(2);
      const remembered = new CorpusLinks(second.corpus, 0, second.analyzer, 'build-1');
      const recalled = counted(remembered);
      remembered.countNow();
      assert.deepStrictEqual(await recalled, expected);
      assert.deepStrictEqual(await counted(new CorpusLinks(second.corpus, 0)), expected);

      // Another corpus, or another build of the matching code, is counted afresh.
      const third = await session(1);
      const other = await counted(new CorpusLinks(third.corpus, 0, third.analyzer, 'build-1'));
      assert.deepStrictEqual(other, await counted(new CorpusLinks(third.corpus, 0)));
      assert.notDeepStrictEqual(other, expected, 'a smaller corpus has other counts');
      const asked: string[] = [];
      const spy = { recallCounts: (fingerprint: string) => (asked.push(fingerprint), null), rememberCounts: () => undefined, recallMatcher: () => null, saveMatcherWith: () => undefined };
      await counted(new CorpusLinks(second.corpus, 0, spy, 'build-1'));
      await counted(new CorpusLinks(second.corpus, 0, spy, 'build-2'));
      assert.equal(asked.length, 2);
      assert.notEqual(asked[0], asked[1], 'another build of the matching code must not recall these counts');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
