import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readShard, writeShard } from '../../server/src/corpus/persistence/shardFile';

async function* each(entries: readonly (readonly [string, Uint8Array])[]): AsyncGenerator<readonly [string, Uint8Array]> {
  yield* entries;
}

async function written(folder: string, engine: string, entries: readonly (readonly [string, Uint8Array])[]): Promise<Buffer> {
  const path = join(folder, 'shard.bin');
  const file = await open(path, 'w');
  try {
    await writeShard(file, engine, each(entries));
  } finally {
    await file.close();
  }
  return readFileSync(path);
}

const ENTRY = fc.tuple(fc.string({ minLength: 1, maxLength: 40 }), fc.uint8Array({ maxLength: 300 }));

describe('shard files of the persisted index', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'article-lens-shard-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('give back every entry written, for the engine that wrote them only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(ENTRY, { selector: ([key]) => key, maxLength: 30 }), async (entries) => {
        const bytes = await written(folder, 'engine-1', entries);
        const read = readShard(bytes, 'engine-1');
        assert.deepStrictEqual(
          [...(read ?? [])].map(([key, value]) => [key, [...value]]),
          entries.map(([key, value]) => [key, [...value]]),
        );
        assert.equal(readShard(bytes, 'engine-2'), null);
      }),
      { numRuns: 60 },
    );
  });

  it('entries larger than the write buffer come back whole', async () => {
    const big = Uint8Array.from({ length: 3 << 20 }, (_unused, index) => index % 251);
    const bytes = await written(folder, 'e', [['small', Uint8Array.of(1, 2)], ['big', big], ['after', Uint8Array.of(3)]]);
    const read = readShard(bytes, 'e');
    assert.deepStrictEqual([...(read?.keys() ?? [])], ['small', 'big', 'after']);
    assert.ok(Buffer.from(big).equals(read?.get('big') ?? Buffer.alloc(0)));
  });

  it('a file cut short, or with any byte changed, gives nothing; nor does a file that is not a shard', async () => {
    const entries = [['a', Uint8Array.of(1, 2, 3)], ['b', Uint8Array.of(4, 5, 6)]] as const;
    const bytes = await written(folder, 'e', entries);
    assert.deepStrictEqual([...(readShard(bytes, 'e')?.keys() ?? [])], ['a', 'b']);
    assert.equal(readShard(bytes.subarray(0, bytes.length - 2), 'e'), null, 'cut short');
    for (let at = 0; at < bytes.length; at += 1) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at] as number) ^ 0x10;
      assert.equal(readShard(changed, 'e'), null, `byte ${at} of ${bytes.length} changed`);
    }
    assert.equal(readShard(Buffer.from('not an index at all'), 'e'), null);
    assert.equal(readShard(Buffer.alloc(0), 'e'), null);
  });
});
