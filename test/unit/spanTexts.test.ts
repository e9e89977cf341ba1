import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { contentHash } from '../../server/src/corpus/articleAnalysis';
import { prepareArticle } from '../../server/src/corpus/matching/preparedArticle';
import { AnalysisStore } from '../../server/src/corpus/persistence/analysisStore';
import { blankedCopy, blankSpanTexts, restoreSpanTexts, spanTextsAreSlices } from '../../server/src/corpus/workers/spanTexts';
import { analyze } from '../../server/src/engine';

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
      restoreSpanTexts(text, analysis);
      assert.deepStrictEqual(analysis, analyze(text));
    }
  });

  it('a blanked copy leaves the original whole and restores to it', () => {
    const text = seeds[0] as string;
    const analysis = analyze(text);
    const copy = blankedCopy(analysis);
    assert.deepStrictEqual(analysis, analyze(text), 'the original is untouched');
    assert.notDeepStrictEqual(copy, analysis);
    restoreSpanTexts(text, copy);
    assert.deepStrictEqual(copy, analysis);
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
