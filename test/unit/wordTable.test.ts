import assert from 'node:assert/strict';
import { prepareArticle, preparedWords } from '../../server/src/corpus/matching/preparedArticle';
import { noteTabledWords, tabledWords, WordTable } from '../../server/src/corpus/matching/wordTable';

const text = 'He said: "The economy is strong and getting stronger." Critics disagreed with the economy claim.';
const quoteStart = text.indexOf('"');
const quoteEnd = text.indexOf('"', quoteStart + 1) + 1;

function prepared() {
  return prepareArticle(text, [{ id: 'q1', start: quoteStart, end: quoteEnd }]);
}

describe('word tables of the persisted index', () => {
  it('note the places of an article’s words only when they fit the table', () => {
    const input = prepared();
    const words = preparedWords(input);
    assert.ok(words.length > 2, 'the article has words to place');
    // A table holding the words in another order, with one more in front.
    const table = new WordTable(['unused', ...[...words].reverse()]);
    const places = Uint32Array.from(words, (word) => table.words.indexOf(word));

    assert.equal(noteTabledWords(prepared(), table, places.subarray(1)), false, 'a place missing');
    assert.equal(noteTabledWords(prepared(), table, Uint32Array.from(places, (place, index) => (index === 0 ? table.words.length : place))), false, 'a place outside the table');
    assert.equal(noteTabledWords(prepared(), new WordTable([...table.words].reverse()), places), false, 'a table the places were not made for');
    const refused = prepared();
    noteTabledWords(refused, table, places.subarray(1));
    assert.equal(tabledWords(refused), undefined, 'nothing is noted for a refused table');

    assert.equal(noteTabledWords(input, table, places), true);
    const noted = tabledWords(input);
    assert.ok(noted);
    assert.deepEqual(Array.from(noted.positions, (place) => noted.table.words[place]), words);
  });
});
