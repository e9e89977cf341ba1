import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nlpFull from 'compromise';
import nlpTwo from 'compromise/two';
import tagger from '../../server/src/engine/tagger';

const SEEDS = resolve(__dirname, '../../../seeds');

function seedTexts(): string[] {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(SEEDS, name), 'utf8'));
}

type Nlp = typeof nlpTwo;
const tagsOf = (nlp: Nlp, text: string): string[][] => nlp(text).docs.flat().map((term) => [...(term.tags ?? [])].sort());

// The engine asks compromise only for tags: of names taken alone (people.ts) and of words
// (wordEvidence.ts). Its second level ("compromise/two") tags as the whole library does and
// loads and parses faster, and the engine's tagger (tagger.ts) only narrows where the
// post-tagger looks for patterns; this holds both to that. The whole library is a build of its
// own here (packages stay external in the tests' bundle), untouched by the tagger's change.
describe('compromise/two, the level of compromise the engine loads', function () {
  this.timeout(60_000);

  it('has the whole library’s lexicon, and its tags with their parents', () => {
    type Model = { one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, { is?: string }> } };
    const full = nlpFull.model() as unknown as Model;
    const two = nlpTwo.model() as unknown as Model;
    assert.deepStrictEqual(two.one.lexicon, full.one.lexicon);
    for (const [tag, { is }] of Object.entries(two.one.tagSet)) assert.equal(is, full.one.tagSet[tag]?.is, `the parent of ${tag}`);
    // Tags only the whole library has come with its own methods (".redact()"): no word has them.
    const lexiconTags = new Set(Object.values(two.one.lexicon).flat());
    const onlyFull = Object.keys(full.one.tagSet).filter((tag) => !(tag in two.one.tagSet));
    assert.deepEqual(
      onlyFull.filter((tag) => lexiconTags.has(tag)),
      [],
    );
  });

  it('tags every capitalised run and every word of the seeds, taken alone, in the engine’s tagger as the whole library does', () => {
    const runs = new Set<string>();
    const words = new Set<string>();
    for (const text of seedTexts()) {
      for (const [run] of text.matchAll(/\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)*/gu)) runs.add(run);
      for (const [word] of text.matchAll(/\p{L}[\p{L}'’-]*/gu)) words.add(word.charAt(0) + word.slice(1).toLowerCase());
    }
    assert.ok(runs.size > 200 && words.size > 1000, `${runs.size} runs, ${words.size} words`);
    const differing = [...runs, ...words].filter((text) => JSON.stringify(tagsOf(tagger, text)) !== JSON.stringify(tagsOf(nlpFull as unknown as Nlp, text)));
    assert.deepEqual(differing, []);
  });
});
