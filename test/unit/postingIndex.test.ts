import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PostingIndex } from '../../server/src/corpus/matching/postingIndex';

type Operation = { kind: 'add'; key: number; value: number } | { kind: 'remove'; key: number; owner: number; reach: number } | { kind: 'compact' };

// Few keys and owners, so that lists are long and removals land both near their heads and far down.
const OPERATION: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), key: fc.nat(7), value: fc.nat(59) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), key: fc.nat(7), owner: fc.nat(5), reach: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
);

/** Values are owned by value % 6, as quotes by their article's slot. */
const ownerOf = (value: number): number => value % 6;

describe('posting index', () => {
  it('lists, counts and compacts as a plain multimap would, whether removal unlinks at once or leaves values stale', () => {
    fc.assert(
      fc.property(fc.array(OPERATION, { maxLength: 300 }), (operations) => {
        const index = new PostingIndex(4);
        const model = new Map<number, number[]>();
        // Values removed but perhaps still listed: readers must not recognise them until compaction.
        const stale = new Map<number, number[]>();
        for (const operation of operations) {
          if (operation.kind === 'add') {
            index.add(operation.key, operation.value);
            model.set(operation.key, [...(model.get(operation.key) ?? []), operation.value]);
          } else if (operation.kind === 'remove') {
            const values = model.get(operation.key) ?? [];
            let at = values.length - 1;
            while (at >= 0 && ownerOf(values[at] as number) !== operation.owner) at--;
            if (at < 0) continue;
            const unlinked = index.remove(operation.key, (value) => ownerOf(value) === operation.owner && !(stale.get(operation.key) ?? []).includes(value), operation.reach);
            const [removed] = values.splice(at, 1);
            if (!unlinked) stale.set(operation.key, [...(stale.get(operation.key) ?? []), removed as number]);
          } else {
            // Liveness is by value, as by article: a stale value still live under another key stays listed.
            const isLive = (value: number): boolean => [...model.values()].some((values) => values.includes(value));
            index.compact(isLive);
            for (const [key, values] of stale) stale.set(key, values.filter(isLive));
          }
          for (const [key, values] of model) {
            assert.equal(index.count(key), values.length);
            for (const probe of [0, 7, 31, 58]) assert.equal(index.some(key, (value) => value === probe), [...values, ...(stale.get(key) ?? [])].includes(probe));
            const listed: number[] = [];
            index.forEach(key, (value) => listed.push(value));
            const expected = [...values, ...(stale.get(key) ?? [])].sort((a, b) => a - b);
            assert.deepEqual(listed.sort((a, b) => a - b), expected);
          }
        }
      }),
      { seed: 20_261_206, numRuns: 300 },
    );
  });

  it('values removed from the heads of their lists free their room at once: re-adding them does not grow the index', () => {
    const index = new PostingIndex(16);
    const keys = Array.from({ length: 2_000 }, (_unused, n) => n * 7919);
    for (const key of keys) index.add(key, 1);
    for (const key of keys) index.add(key, 2);
    const size = index.byteSize;
    for (let round = 0; round < 50; round++) {
      for (const key of keys) assert.equal(index.remove(key, (value) => value === 2, 4), true);
      for (const key of keys) index.add(key, 2);
    }
    assert.equal(index.byteSize, size);
    assert.equal(index.stale, 0);
    assert.equal(index.size, 2 * keys.length);
  });

  it('values too far down their lists are left stale, and compaction drops them', () => {
    const index = new PostingIndex(16);
    index.add(1, 100);
    for (let value = 0; value < 10; value++) index.add(1, value);
    assert.equal(index.remove(1, (value) => value === 100, 4), false);
    assert.equal(index.stale, 1);
    assert.equal(index.count(1), 10);
    index.compact((value) => value !== 100);
    const listed: number[] = [];
    index.forEach(1, (value) => listed.push(value));
    assert.deepEqual(listed.sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(index.stale, 0);
  });

  it('tells whether removal would unlink a value, without changing anything', () => {
    const index = new PostingIndex();
    for (let value = 0; value < 10; value += 1) index.add(7, value);
    // Newest first: value 9 heads the list, value 0 is tenth.
    assert.equal(index.reaches(7, (value) => value === 9, 1), true);
    assert.equal(index.reaches(7, (value) => value === 0, 9), false);
    assert.equal(index.reaches(7, (value) => value === 0, 10), true);
    assert.equal(index.reaches(8, () => true, 10), false, 'a key never added');
    assert.equal(index.count(7), 10);
    assert.equal(index.stale, 0);
    assert.equal(index.remove(7, (value) => value === 0, 10), true, 'as reaches said');
    assert.equal(index.reaches(7, (value) => value === 0, 10), false, 'removed');
  });
});
