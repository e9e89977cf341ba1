import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { contentForm } from '../../server/src/corpus/matching/contentWords';
import { normaliseWords } from '../../server/src/corpus/matching/normalise';
import { prepareArticle, preparedWords } from '../../server/src/corpus/matching/preparedArticle';
import { proseStretches } from '../../server/src/corpus/matching/proseStretches';
import { MIN_PARAPHRASE_SHARED } from '../../server/src/corpus/matching/thresholds';
import type { QuoteInput } from '../../server/src/corpus/matching/types';
import { analyze } from '../../server/src/engine';

/** The passages the matcher indexes for paraphrases, as their normalised words plainly give them: span, then distinct content words in order. */
function plainPassages(text: string, quotes: readonly QuoteInput[]): { start: number; end: number; words: string[] }[] {
  const passages: { start: number; end: number; words: string[] }[] = [];
  for (const stretch of proseStretches(text, quotes)) {
    const content = normaliseWords(text, stretch.start, stretch.end)
      .words.map(contentForm)
      .filter((form): form is string => form !== null);
    if (content.length >= MIN_PARAPHRASE_SHARED) passages.push({ start: stretch.start, end: stretch.end, words: [...new Set(content)] });
  }
  return passages;
}

/** The passages of a prepared article, its ids read back as words. */
function preparedPassages(text: string, quotes: readonly QuoteInput[]): { start: number; end: number; words: string[] }[] {
  const prepared = prepareArticle(text, quotes);
  const words = preparedWords(prepared);
  const passages: { start: number; end: number; words: string[] }[] = [];
  let at = 0;
  for (let index = 0; index < prepared.passageSpans.length / 2; index += 1) {
    const count = prepared.passageWords[at] as number;
    const ids = [...prepared.passageWords.subarray(at + 1, at + 1 + count)];
    passages.push({ start: prepared.passageSpans[2 * index] as number, end: prepared.passageSpans[2 * index + 1] as number, words: ids.map((id) => words[id] as string) });
    at += 1 + count;
  }
  assert.equal(at, prepared.passageWords.length, 'the passage lists fill the array');
  return passages;
}

const pieces = fc.constantFrom(' ', '\n', '"', '“', '”', '[sic]', '...', '…', '. ', ', ', 'U.S.', '27th', '1980s', "Iran's", 'attacks', 'the', 'of', 'Soleimani', 'Café', '😀', '& ', 'Dec', 'parties', 'militias', 'won', 'a', 'war');

describe('prepared articles', () => {
  it('list each passage’s distinct content words in order, as its normalised words give them (seeds, and generated texts)', () => {
    const seedsDir = join(resolve(__dirname, '../../..'), 'seeds');
    for (const file of readdirSync(seedsDir).filter((name) => name.endsWith('.txt'))) {
      const text = readFileSync(join(seedsDir, file), 'utf8');
      const { quotes } = analyze(text);
      const passages = preparedPassages(text, quotes);
      assert.ok(passages.length > 5, file);
      assert.deepStrictEqual(passages, plainPassages(text, quotes), file);
    }
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { minLength: 5, maxLength: 120 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 })), { maxLength: 4 }), (parts, spans) => {
        const text = parts.join(' ');
        const quotes = spans.map(([start, length], index) => ({ id: `q${index}`, start: start % (text.length + 1), end: Math.min(text.length, (start % (text.length + 1)) + length) }));
        assert.deepStrictEqual(preparedPassages(text, quotes), plainPassages(text, quotes));
      }),
      { numRuns: 300 },
    );
  });
});
