import assert from 'node:assert/strict';
import { SpellingTable } from '../../server/src/corpus/matching/spellings';

describe('the spelling table', () => {
  it('gives one spelling per written form, wherever it stands, and one slot per word it reads as', () => {
    const table = new SpellingTable();
    const text = 'Attacks and attacks; the attack’s “Attacks”';
    const at = (word: string, from = 0): ReturnType<SpellingTable['spellingAt']> => {
      const start = text.indexOf(word, from);
      return table.spellingAt(text, start, start + word.length);
    };
    const capitalised = at('Attacks');
    assert.equal(at('Attacks', 5), capitalised, 'the same written form, elsewhere in the text');
    assert.equal(table.spellingAt('… Attacks', 2, 9), capitalised, 'the same written form in another text');
    const lower = at('attacks');
    assert.notEqual(lower, capitalised);
    assert.equal(lower.folded, capitalised.folded, '"Attacks" and "attacks" fold to one word');
    assert.equal(lower.folded.word, 'attacks');
    assert.equal(lower.content?.word, 'attack');
    assert.equal(at('attack’s').content, lower.content, 'one content form, one slot');
    assert.equal(at('the').content, null, 'a function word has no content form');
    assert.equal(at('and').folded, table.and.folded, 'a written "and" is the word a lone "&" reads as');
  });

  it('forgets only when full, and then reads as before', () => {
    const table = new SpellingTable(3);
    const text = 'one two three four';
    const first = table.spellingAt(text, 0, 3);
    table.spellingAt(text, 4, 7);
    table.forgetIfFull();
    assert.equal(table.spellingAt(text, 0, 3), first, 'below the limit nothing is forgotten');
    table.spellingAt(text, 8, 13);
    table.forgetIfFull();
    const again = table.spellingAt(text, 0, 3);
    assert.notEqual(again, first, 'a full table starts afresh');
    assert.equal(again.folded.word, first.folded.word);
    assert.equal(table.spellingAt('and', 0, 3).folded, table.and.folded, 'after forgetting, "&" still reads as the written "and"');
  });

  it('finds every spelling again as its table grows', () => {
    const table = new SpellingTable();
    const words = Array.from({ length: 20_000 }, (_unused, index) => `w${index.toString(36)}`);
    const text = words.join(' ');
    const spellingsOf = (): ReturnType<SpellingTable['spellingAt']>[] => {
      let start = 0;
      return words.map((word) => {
        const spelling = table.spellingAt(text, start, start + word.length);
        start += word.length + 1;
        return spelling;
      });
    };
    const first = spellingsOf();
    assert.deepEqual(
      first.map((spelling) => spelling.folded.word),
      words,
    );
    const again = spellingsOf();
    assert.ok(
      again.every((spelling, index) => spelling === first[index]),
      'each spelling is found, not added again',
    );
  });
});
