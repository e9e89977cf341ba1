import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { contentHash } from '../../server/src/corpus/articleAnalysis';
import { joinPrepared } from '../../server/src/corpus/matching/joinPrepared';
import { prepareArticle, preparedArrays } from '../../server/src/corpus/matching/preparedArticle';
import { SharedBuffer } from '../../server/src/corpus/matching/sharedBuffer';
import { AnalysisStore } from '../../server/src/corpus/persistence/analysisStore';
import { portableAnalysedText, restoredAnalysedText } from '../../server/src/corpus/workers/analysisCodec';
import { analyze, articleSections } from '../../server/src/engine';

const seedsDir = join(resolve(__dirname, '../../..'), 'seeds');
const seeds = readdirSync(seedsDir)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => readFileSync(join(seedsDir, file), 'utf8'));

/** All the arrays in one buffer, which holds nothing else unless `alongside` more bytes are allowed. */
function assertOneBuffer(arrays: readonly ArrayBufferView[], what: string, alongside = 0): void {
  const buffers = new Set(arrays.map((array) => array.buffer));
  assert.equal(buffers.size, 1, `${what}: ${buffers.size} buffers`);
  const used = arrays.reduce((sum, array) => sum + array.byteLength, 0);
  assert.ok((arrays[0]?.buffer.byteLength ?? 0) - used <= alongside, `${what}: the buffer holds more than its arrays`);
}

describe('matching arrays in one buffer each', () => {
  it('hands out disjoint views, and copies equal to their sources', () => {
    const source = Int32Array.from([5, -1, 7]);
    const space = new SharedBuffer(2 + source.length + 3);
    const first = space.uint32(2);
    const copy = space.copyOf(source);
    const last = space.int32(3);
    first.fill(0xffffffff);
    last.fill(-9);
    assert.deepEqual([...copy], [5, -1, 7]);
    assert.ok(copy instanceof Int32Array);
    assert.deepEqual([...first], [0xffffffff, 0xffffffff]);
    assertOneBuffer([first, copy, last], 'views');
    assert.throws(() => space.int32(1), RangeError, 'no room beyond the length asked for');
  });

  it("sends a worker's analysis with its numbers and prepared words in one buffer, restored equal", () => {
    for (const text of seeds) {
      const analysis = analyze(text);
      const matching = prepareArticle(text, analysis.quotes);
      const portable = structuredClone(portableAnalysedText(text, analysis, matching));
      assert.ok(portable.encoded && portable.matching);
      assertOneBuffer([portable.encoded.numbers, ...preparedArrays(portable.matching)], 'a reply');
      assert.deepStrictEqual(portable.matching, matching);
      assert.deepStrictEqual(restoredAnalysedText(text, portable)?.analysis, analysis);
    }
  });

  it("restores a worker's analysis sent without the matcher's input with that input prepared on arrival, equal to the worker's", () => {
    for (const text of seeds) {
      const analysis = analyze(text);
      const withMatching = restoredAnalysedText(text, structuredClone(portableAnalysedText(text, analysis, prepareArticle(text, analysis.quotes))));
      const portable = structuredClone(portableAnalysedText(text, analysis, null));
      assert.equal(portable.matching, null);
      assert.deepStrictEqual(restoredAnalysedText(text, portable), withMatching);
    }
  });

  it("joins sections' prepared words into one buffer", () => {
    const text = seeds.join('\n\n').repeat(6);
    const sections = articleSections(text);
    assert.ok(sections.length > 1);
    const joined = joinPrepared(sections.map(({ start, end }) => ({ offset: start, prepared: prepareArticle(text.slice(start, end), analyze(text.slice(start, end)).quotes) })));
    assert.ok(joined);
    assertOneBuffer(preparedArrays(joined), 'a joined article');
  });

  it('reads each stored entry into a buffer of its own', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'article-lens-shared-buffer-'));
    try {
      const store = await AnalysisStore.open(folder, 'engine-1');
      for (const text of seeds) store.put(contentHash(text), text, { analysis: analyze(text), matching: prepareArticle(text, analyze(text).quotes) });
      await store.save(new Map(seeds.map((text, index) => [`file:///seed-${index}.txt`, contentHash(text)])));
      const reopened = await AnalysisStore.open(folder, 'engine-1');
      const buffers = new Set<ArrayBufferLike>();
      for (const text of seeds) {
        const stored = reopened.get(contentHash(text), text);
        assert.ok(stored);
        assert.deepStrictEqual(stored.matching, prepareArticle(text, analyze(text).quotes));
        // Alongside the prepared words: the encoded analysis and the words' places in the file's table.
        assertOneBuffer(preparedArrays(stored.matching), 'a stored entry', 4 * (stored.matching.words.split('\n').length + text.length));
        buffers.add(stored.matching.packed.buffer);
      }
      assert.equal(buffers.size, seeds.length, 'no two entries share a buffer (nor the file read)');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
