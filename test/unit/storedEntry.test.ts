import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JoinedStrings } from '../../server/src/corpus/persistence/joinedStrings';
import { storedEntryBytes, storedEntryFrom, type FileStrings, type WrittenEntry } from '../../server/src/corpus/persistence/storedEntry';
import { encodeAnalysis } from '../../server/src/corpus/workers/analysisCodec';
import { analyseInProcess } from '../../server/src/corpus/workers/inProcessEngine';

/** What a shard file's reader gets back of the joined strings: their UTF-8 bytes, decoded as one string. */
function readBack(joined: JoinedStrings): string {
  return joined.bytes().toString('utf8');
}

const TEXTS = [
  '\uFEFFA BOM first. “We will,” said Jane Doe.\r\nCRLF lines, and an emoji 🗞️ before a quote: “Read it,” she said.',
  'Nothing quoted here at all.',
  '“Café au lait,” Zoë Ångström told Reuters. “名前は重要です,” he added.',
];

function written(texts: readonly string[]): { entries: WrittenEntry[]; strings: FileStrings } {
  const joinedTexts = new JoinedStrings();
  const wordLists = new JoinedStrings();
  const entries = texts.map((text) => {
    const { analysis, matching } = analyseInProcess(text);
    assert.ok(matching, 'the engine prepares the matcher input');
    return { encoded: encodeAnalysis(analysis), matching, text, wordPositions: new Uint32Array([0]), textStart: joinedTexts.add(text), wordsStart: wordLists.add(matching.words) };
  });
  return { entries, strings: { texts: readBack(joinedTexts), wordLists: readBack(wordLists) } };
}

describe('entries of the persisted index', () => {
  it('gives back each string added to joined strings as a slice of them, whatever the code points', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 20 }), (values) => {
        const joined = new JoinedStrings();
        const starts = values.map((value) => joined.add(value));
        const back = readBack(joined);
        values.forEach((value, index) => assert.equal(back.slice(starts[index], (starts[index] as number) + value.length), value));
      }),
    );
  });

  it('reads back the text, word list, arrays and names of each entry, cut from its file’s strings', () => {
    const { entries, strings } = written(TEXTS);
    for (const entry of entries) {
      const back = storedEntryFrom(storedEntryBytes(entry), strings);
      assert.ok(back, 'the entry reads back');
      assert.equal(back.text, entry.text);
      assert.equal(back.matching.words, entry.matching.words);
      assert.deepStrictEqual(back.encoded, entry.encoded);
      assert.deepStrictEqual(back.wordPositions, entry.wordPositions);
    }
  });

  it('refuses an entry whose text or word list runs past its file’s strings, or whose lengths do not add up', () => {
    const { entries, strings } = written(TEXTS);
    const last = entries.at(-1) as WrittenEntry;
    const bytes = storedEntryBytes(last);
    assert.equal(storedEntryFrom(bytes, { ...strings, texts: strings.texts.slice(0, -1) }), null, 'a text one unit short');
    assert.equal(storedEntryFrom(bytes, { ...strings, wordLists: strings.wordLists.slice(0, -1) }), null, 'a word list one unit short');
    assert.equal(storedEntryFrom(storedEntryBytes({ ...last, textStart: strings.texts.length }), strings), null, 'a text starting at the end');
    assert.equal(storedEntryFrom(bytes.subarray(0, bytes.length - 1), strings), null, 'a byte missing');
    assert.equal(storedEntryFrom(bytes.subarray(0, 20), strings), null, 'no whole header');
  });
});
