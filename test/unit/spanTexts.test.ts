import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deserialize, getHeapStatistics, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { contentHash } from '../../server/src/corpus/articleAnalysis';
import { prepareArticle } from '../../server/src/corpus/matching/preparedArticle';
import { AnalysisStore } from '../../server/src/corpus/persistence/analysisStore';
import { blankedCopy, blankSpanTexts, restoredAnalysis, spanTextsAreSlices } from '../../server/src/corpus/workers/spanTexts';
import { analyze, type Analysis, type Span } from '../../server/src/engine';

// `gc` is reachable from a new context once the flag is set: the memory test collects garbage before it measures.
setFlagsFromString('--expose-gc');

const seedsDir = join(resolve(__dirname, '../../..'), 'seeds');
const seeds = readdirSync(seedsDir)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => readFileSync(join(seedsDir, file), 'utf8'));

describe('span texts left out of messages and the store', () => {
  it('blanking then restoring from the text gives the plain analysis back', () => {
    for (const text of seeds) {
      const analysis = analyze(text);
      assert.ok(spanTextsAreSlices(text, analysis), 'the engine takes every span text from the article');
      blankSpanTexts(analysis);
      assert.ok(analysis.quotes.length === 0 || analysis.quotes.every((quote) => quote.text === ''), 'blanked');
      assert.deepStrictEqual(restoredAnalysis(text, analysis), analyze(text));
    }
  });

  it('restores decoded analyses in less memory than they were decoded in', () => {
    const collectGarbage = runInNewContext('gc') as () => void;
    const copies = 200;
    const decoded = seeds.map((text) => {
      const blanked = blankedCopy(analyze(text));
      return { text, bytes: serialize(blanked) };
    });
    const heapFor = (restore: (text: string, blank: Analysis) => Analysis): number => {
      collectGarbage();
      const before = getHeapStatistics().used_heap_size;
      const kept = decoded.flatMap(({ text, bytes }) => Array.from({ length: copies }, () => restore(text, deserialize(bytes) as Analysis)));
      collectGarbage();
      const used = getHeapStatistics().used_heap_size - before;
      assert.equal(kept.length, seeds.length * copies);
      return used;
    };
    // What the store and the worker pool did before: the decoded objects, their span texts sliced back in place.
    const inPlace = heapFor((text, blank) => {
      for (const span of everySpan(blank)) span.text = text.slice(span.start, span.end);
      return blank;
    });
    const restored = heapFor(restoredAnalysis);
    assert.ok(restored < 0.75 * inPlace, `restored ${(restored / 1e6).toFixed(1)} MB against ${(inPlace / 1e6).toFixed(1)} MB in place`);
  });

  it('a blanked copy leaves the original whole and restores to it', () => {
    const text = seeds[0] as string;
    const analysis = analyze(text);
    const copy = blankedCopy(analysis);
    assert.deepStrictEqual(analysis, analyze(text), 'the original is untouched');
    assert.notDeepStrictEqual(copy, analysis);
    assert.deepStrictEqual(restoredAnalysis(text, copy), analysis);
  });

  it('an analysis whose span text is not its slice is recognised, so it keeps its texts', () => {
    const text = seeds[1] as string;
    const analysis = analyze(text);
    const quote = analysis.quotes[0];
    assert.ok(quote, 'the seed has a quote');
    quote.text = `${quote.text} (corrected)`;
    assert.equal(spanTextsAreSlices(text, analysis), false);
  });

  it('the store gives back analyses with and without sliceable span texts as they were put', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'article-lens-spans-'));
    try {
      const store = await AnalysisStore.open(folder, 'engine-1');
      const [plainText, changedText] = seeds as [string, string];
      const changed = analyze(changedText);
      const first = changed.speakers[0]?.mentions[0];
      assert.ok(first, 'the seed names a speaker');
      first.text = 'not the slice';
      store.put(contentHash(plainText), plainText, { analysis: analyze(plainText), matching: prepareArticle(plainText, analyze(plainText).quotes) });
      store.put(contentHash(changedText), changedText, { analysis: changed, matching: prepareArticle(changedText, changed.quotes) });
      const older = join(folder, 'analysis-index.v3.0.bin');
      writeFileSync(older, 'an index of an earlier format');
      await store.save(new Set([contentHash(plainText), contentHash(changedText)]));
      assert.equal(existsSync(older), false, 'files of earlier formats are removed at a save');
      const reopened = await AnalysisStore.open(folder, 'engine-1');
      assert.deepStrictEqual(reopened.get(contentHash(plainText), plainText)?.analysis, analyze(plainText));
      assert.deepStrictEqual(reopened.get(contentHash(changedText), changedText)?.analysis, changed);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

function everySpan(analysis: Analysis): Span[] {
  return [
    ...analysis.quotes.flatMap((quote) => [quote, quote.source, quote.cue].filter((span): span is Span => span !== null)),
    ...analysis.speakers.flatMap((speaker) => speaker.mentions),
    ...analysis.outlets.flatMap((outlet) => outlet.mentions),
    ...analysis.attributions.flatMap((attribution) => [attribution, attribution.mention, attribution.cue]),
  ];
}
