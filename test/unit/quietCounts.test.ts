import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CorpusStatusParams } from '../../common/protocol';
import { CorpusSettled } from '../../client/src/views/corpusSettled';
import { ArticleAnalyzer } from '../../server/src/corpus/articleAnalysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { CorpusLinks } from '../../server/src/corpus/corpusLinks';

const LIMIT = 1_000_000;
const QUOTE = '"The harbour will reopen next week," Mayor Ann Smith said on Monday.';

/** An empty corpus, and how to put an article's analysed text in it, from a file or an editor. */
function analysedCorpus(): { corpus: Corpus; set: (uri: string, text: string, origin: 'disk' | 'editor') => void } {
  const corpus = new Corpus();
  const analyzer = new ArticleAnalyzer(null);
  return { corpus, set: (uri, text, origin) => void corpus.set(uri, text, origin, origin === 'editor' ? 1 : 0, analyzer.analyse(uri, text, LIMIT)) };
}

describe('counts after an editor’s changes', () => {
  it('are worked out quietly once typing pauses, while changed files are reported as counting', async function () {
    this.timeout(10_000);
    const { corpus, set } = analysedCorpus();
    set('file:///a.txt', QUOTE, 'disk');
    const links = new CorpusLinks(corpus, 10, null, '', 400);
    const counts: number[] = [];
    links.onDidCount(() => counts.push(links.linkedQuoteCount()));
    assert.equal(links.counting, true, 'a file changed: counting is reported');
    await sleep(200);
    assert.deepEqual(counts, [0]);
    assert.equal(links.counting, false);

    // Typing in another article that comes to carry the quote: a few keystrokes, then a pause.
    const typed = ['Filler.', `Filler. ${QUOTE.slice(0, 20)}`, `Filler. ${QUOTE}`];
    for (const text of typed) {
      set('file:///b.txt', text, 'editor');
      assert.equal(links.counting, false, 'an editor’s change is not reported as counting');
      await sleep(30);
    }
    assert.deepEqual(counts, [0], 'not counted while typing goes on');
    await sleep(900);
    assert.deepEqual(counts, [0, 2], 'counted once typing paused');

    set('file:///b.txt', 'Filler.', 'editor');
    set('file:///c.txt', QUOTE, 'disk');
    assert.equal(links.counting, true, 'a file changed as well: reported, and counted soon');
    await sleep(200);
    assert.deepEqual(counts, [0, 2, 2]);
    assert.equal(links.counting, false);

    // A scan holds counting; at its end, an editor's change made meanwhile is counted too.
    links.holdCounting();
    set('file:///b.txt', `Filler. ${QUOTE}`, 'editor');
    await sleep(600);
    assert.deepEqual(counts, [0, 2, 2], 'held');
    links.countNow();
    await sleep(200);
    assert.deepEqual(counts, [0, 2, 2, 3]);
  });

  it('are worked out afresh after an edit that changes none of them, and say so by their revision', async function () {
    this.timeout(10_000);
    const { corpus, set } = analysedCorpus();
    set('file:///a.txt', QUOTE, 'disk');
    set('file:///b.txt', `Filler. ${QUOTE}`, 'disk');
    const links = new CorpusLinks(corpus, 10, null, '', 200);
    await sleep(150);
    const counted = { linkedQuotes: links.linkedQuoteCount(), revision: links.countedRevision };
    assert.equal(counted.linkedQuotes, 2);
    // A word changed inside b's quote: it no longer matches a's whole, but still carries part of it.
    set('file:///b.txt', `Filler. ${QUOTE.replace('next week', 'next month')}`, 'editor');
    await sleep(500);
    assert.equal(links.linkedQuoteCount(), counted.linkedQuotes, 'the count is as it was');
    assert.ok(links.countedRevision > counted.revision, 'yet it was worked out again, and the revision says so');
  });

  it('refresh views when indexing ends, or when the counts are worked out again while idle, not at every status', () => {
    const status = (indexing: boolean, linkedQuotes = 1, countedRevision = 1): CorpusStatusParams => ({ indexing, articles: 5, skipped: 0, speakers: 3, quotes: 4, linkedQuotes, countedRevision });
    const settled = new CorpusSettled();
    const seen = [status(false), status(true), status(true), status(false), status(false), status(false), status(false, 2), status(false, 2), status(false, 2, 2), status(false, 2, 2)].map((next) =>
      settled.changed(next),
    );
    assert.deepEqual(seen, [true, false, false, true, false, false, true, false, true, false]);
  });
});
