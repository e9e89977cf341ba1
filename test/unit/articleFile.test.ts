import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFile } from '../../server/src/corpus/articleFile';
import { checkArticleText } from '../../server/src/textCheck';

describe('reading an article file', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'article-lens-file-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  function written(length: number, seed: number): { path: string; text: string } {
    const text = Array.from({ length }, (_unused, index) => String.fromCharCode(97 + ((index * 7 + seed) % 26))).join('');
    const path = join(folder, `${length}-${seed}.txt`);
    writeFileSync(path, text);
    return { path, text };
  }

  it('gives back the whole text of files shorter, as long as, and longer than its read buffer, one after another', () => {
    const lengths = [0, 1, 65_535, 65_536, 65_537, 200_000, 3];
    for (const [seed, length] of lengths.entries()) {
      const { path, text } = written(length, seed);
      const content = readArticleFile(path, 1_000_000);
      assert.equal(content.problem, null, `${length} bytes`);
      assert.equal(content.text, text, `${length} bytes`);
    }
  });

  it('refuses a file one byte over the limit and takes one at the limit, either side of the read buffer', () => {
    for (const limit of [10, 65_536, 100_000]) {
      const over = readArticleFile(written(limit + 1, 1).path, limit);
      assert.equal(over.problem?.reason, 'tooLarge', `limit ${limit}`);
      assert.match(over.problem?.message ?? '', /over the .* limit/);
      const at = written(limit, 2);
      assert.equal(readArticleFile(at.path, limit).text, at.text, `limit ${limit}`);
    }
  });

  it('drops a UTF-8 byte-order mark and refuses UTF-16', () => {
    const bom = join(folder, 'bom.txt');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Hello “world”', 'utf8')]));
    assert.equal(readArticleFile(bom, 1000).text, 'Hello “world”');
    const utf16 = join(folder, 'utf16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello world', 'utf16le')]));
    assert.equal(readArticleFile(utf16, 1000).problem?.reason, 'encoding');
  });

  it('measures an open text’s size in UTF-8 bytes, not in code units', () => {
    // “ is one code unit and three bytes; 😀 two code units and four bytes.
    for (const [unit, bytes] of [['“', 3], ['😀', 4], ['a', 1]] as const) {
      const text = `x${unit.repeat(100)}`;
      const size = 1 + 100 * bytes;
      assert.equal(checkArticleText(text, size - 1)?.reason, 'tooLarge', `${unit} one byte over`);
      assert.equal(checkArticleText(text, size), null, `${unit} at the limit`);
    }
  });
});
