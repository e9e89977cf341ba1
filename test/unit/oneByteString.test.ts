import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serialize } from 'node:v8';
import fc from 'fast-check';
import { oneByteString } from '../../server/src/corpus/matching/oneByteString';
import { prepareArticle } from '../../server/src/corpus/matching/preparedArticle';
import { analyze } from '../../server/src/engine';

/** Bytes V8 stores for the string's code units: its serializer writes them as the heap holds them. */
function storedBytes(text: string): number {
  return serialize(text).length - serialize('').length;
}

describe('one-byte strings', () => {
  it('gives the same text back, whatever it holds', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (wide, narrow) => {
      assert.equal(oneByteString(wide), wide);
      assert.equal(oneByteString(narrow), narrow);
    }));
  });

  it('stores a plain ASCII slice of a two-byte text at one byte a unit', () => {
    const twoByte = `“${'plain words '.repeat(50)}”`;
    const slice = twoByte.slice(1, -1);
    assert.ok(storedBytes(slice) >= 2 * slice.length, 'the slice itself is two bytes a unit');
    assert.ok(storedBytes(oneByteString(slice)) < slice.length + 8);
  });

  it('keeps every seed article’s matching word list at one byte a unit', () => {
    const seedsDir = join(resolve(__dirname, '../../..'), 'seeds');
    for (const file of readdirSync(seedsDir).filter((name) => name.endsWith('.txt'))) {
      const text = readFileSync(join(seedsDir, file), 'utf8');
      const { words } = prepareArticle(text, analyze(text).quotes);
      assert.ok(words.length > 100, file);
      assert.ok(storedBytes(words) < words.length + 8, `${file}: ${storedBytes(words)} bytes for ${words.length} units`);
    }
  });
});
