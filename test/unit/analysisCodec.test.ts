import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { seededRandom } from '../../scripts/bench/corpusGenerator';
import { contentHash } from '../../server/src/corpus/articleAnalysis';
import { prepareArticle } from '../../server/src/corpus/matching/preparedArticle';
import { AnalysisStore } from '../../server/src/corpus/persistence/analysisStore';
import { decodeAnalysis, encodeAnalysis, portableAnalysedText, quoteCount, quotesForMatching, restoredAnalysedText, spanTextsAreSlices, type EncodedAnalysis } from '../../server/src/corpus/workers/analysisCodec';
import { analyze, type Analysis, type Span } from '../../server/src/engine';
import { liveHeapBytes } from './support/heapUsed';

const seedsDir = join(resolve(__dirname, '../../..'), 'seeds');
const seeds = readdirSync(seedsDir)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => readFileSync(join(seedsDir, file), 'utf8'));
const EDITS = ['', 'x', '“', '”\n\n', ', said John Smith. ', 'according to Reuters ', '"We will," she said. '];

describe('analyses encoded for messages and the store', () => {
  it('decodes to the plain analysis, for the seeds and a few hundred edits of them', () => {
    const random = seededRandom(21);
    const texts = [...seeds];
    for (let edit = 0; edit < 300; edit++) {
      const text = seeds[edit % seeds.length] as string;
      const at = Math.floor(random() * text.length);
      texts.push(text.slice(0, at) + (EDITS[edit % EDITS.length] as string) + text.slice(at + Math.floor(random() * 40)));
    }
    for (const text of texts) {
      const analysis = analyze(text);
      assert.ok(spanTextsAreSlices(text, analysis), 'the engine takes every span text from the article');
      assert.deepStrictEqual(decodeAnalysis(text, encodeAnalysis(analysis)), analysis);
    }
  });

  it('decodes one span object for each stretch of the text, whichever part is read first', () => {
    for (const text of seeds) {
      for (const readFirst of ['quotes', 'speakers', 'outlets', 'attributions'] as const) {
        const decoded = decodeAnalysis(text, encodeAnalysis(analyze(text)));
        assert.ok(decoded);
        assert.ok(decoded[readFirst]);
        const plainSpans = everySpan(decoded).filter((span) => !('id' in span) && !('source' in span));
        const stretches = new Set(plainSpans.map((span) => `${span.start}:${span.end}`));
        assert.equal(new Set(plainSpans).size, stretches.size, `${readFirst} read first`);
      }
    }
  });

  it('builds each part only when it is read, and encodes back and counts its quotes without building them', () => {
    const isBuilt = (analysis: Analysis, key: keyof Analysis): boolean => Object.getOwnPropertyDescriptor(analysis, key)?.get === undefined;
    const noneBuilt = (analysis: Analysis): boolean => (['quotes', 'speakers', 'outlets', 'attributions'] as const).every((key) => !isBuilt(analysis, key));
    for (const text of seeds) {
      const analysis = analyze(text);
      const encoded = encodeAnalysis(analysis);
      const decoded = decodeAnalysis(text, encoded);
      assert.ok(decoded);
      assert.ok(noneBuilt(decoded), 'not built on decoding');
      assert.deepStrictEqual(encodeAnalysis(decoded), encoded, 'its own encoding, given back');
      assert.ok(spanTextsAreSlices(text, decoded));
      assert.equal(quoteCount(decoded), analysis.quotes.length);
      const forMatching = quotesForMatching(decoded);
      assert.ok('read' in forMatching && forMatching.count === analysis.quotes.length, 'the matcher is told how many quotes there are');
      assert.ok(noneBuilt(decoded), 'still not built after encoding and counting');
      assert.deepStrictEqual(forMatching.read(), analysis.quotes, 'and reads them when it needs them');
      assert.ok(isBuilt(decoded, 'quotes') && !isBuilt(decoded, 'speakers'), 'only the part read is built');
      assert.deepStrictEqual(quotesForMatching(analysis), analysis.quotes, 'an analysis made here gives its quotes as they are');
      // Copies read every part, as JSON and as a message to a worker or the store.
      assert.deepStrictEqual(JSON.parse(JSON.stringify(decodeAnalysis(text, encoded))), JSON.parse(JSON.stringify(analysis)));
      assert.deepStrictEqual(deserialize(serialize(decodeAnalysis(text, encoded))), analysis);
      assert.deepStrictEqual(decoded.attributions, analysis.attributions);
      assert.ok(isBuilt(decoded, 'attributions') && isBuilt(decoded, 'speakers'), 'ordinary properties once read (the speakers, for the spans they share)');
      const replaced = decodeAnalysis(text, encoded);
      assert.ok(replaced);
      replaced.outlets = [];
      assert.deepStrictEqual(replaced.outlets, []);
    }
  });

  it('decodes into less memory than a copied object graph takes', () => {
    const copies = 200;
    const heapFor = (decode: (text: string) => Analysis | null): number => {
      const before = liveHeapBytes();
      const kept = seeds.flatMap((text) => Array.from({ length: copies }, () => decode(text)));
      const used = liveHeapBytes() - before;
      assert.ok(kept.every((analysis) => analysis !== null));
      return used;
    };
    // What the worker pool and the store kept before: the object graph as V8 copies it.
    const copied = new Map(seeds.map((text) => [text, serialize(analyze(text))]));
    const encoded = new Map(seeds.map((text) => [text, encodeAnalysis(analyze(text))]));
    const fromCopy = heapFor((text) => deserialize(copied.get(text) as Buffer) as Analysis);
    const decoded = heapFor((text) => decodeAnalysis(text, encoded.get(text) as EncodedAnalysis));
    assert.ok(decoded < 0.75 * fromCopy, `decoded ${(decoded / 1e6).toFixed(1)} MB against ${(fromCopy / 1e6).toFixed(1)} MB copied`);
  });

  it('answers null for a damaged encoding, never a wrong span or an exception', () => {
    const text = seeds[0] as string;
    const analysis = analyze(text);
    const { numbers, strings } = encodeAnalysis(analysis);
    assert.equal(decodeAnalysis(text, { numbers: numbers.subarray(0, numbers.length - 1), strings }), null, 'cut short');
    assert.equal(decodeAnalysis(text, { numbers, strings: [] }), null, 'no names');
    assert.equal(decodeAnalysis(text.slice(0, 100), { numbers, strings }), null, 'another, shorter text');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(numbers.length - 1), fc.integer({ min: -3, max: text.length + 3 })), { minLength: 1, maxLength: 4 }), (changes) => {
        const damaged = numbers.slice();
        for (const [index, value] of changes) damaged[index] = value;
        const decoded = decodeAnalysis(text, { numbers: damaged, strings });
        if (!decoded) return;
        for (const span of everySpan(decoded)) assert.equal(span.text, text.slice(span.start, span.end));
        for (const quote of decoded.quotes) assert.ok(quote.attribution === null || decoded.attributions[quote.attribution] !== undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('sends an analysis whose span text is not its slice as it is', () => {
    const text = seeds[1] as string;
    const analysis = analyze(text);
    const quote = analysis.quotes[0];
    assert.ok(quote, 'the seed has a quote');
    quote.text = `${quote.text} (corrected)`;
    assert.equal(spanTextsAreSlices(text, analysis), false);
    const portable = portableAnalysedText(text, analysis, prepareArticle(text, analysis.quotes));
    assert.equal(portable.encoded, null);
    assert.deepStrictEqual(restoredAnalysedText(text, portable)?.analysis, analysis);
  });

  it('the store gives back what it was given, and writes only analyses its decoder will check', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'article-lens-codec-'));
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
      await store.save(new Map([['file:///plain.txt', contentHash(plainText)], ['file:///changed.txt', contentHash(changedText)]]));
      assert.equal(existsSync(older), false, 'files of earlier formats are removed at a save');
      assert.deepStrictEqual(store.get(contentHash(changedText), changedText)?.analysis, changed, 'kept in memory as it was put');
      const reopened = await AnalysisStore.open(folder, 'engine-1');
      assert.deepStrictEqual(reopened.get(contentHash(plainText), plainText)?.analysis, analyze(plainText));
      // A span text that is no slice of its article cannot be checked against it: analysed again next time.
      assert.equal(reopened.get(contentHash(changedText), changedText), undefined);
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
