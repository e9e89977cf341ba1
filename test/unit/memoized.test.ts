import assert from 'node:assert/strict';
import { memoized, memoizedPair } from '../../server/src/engine/memoized';

describe('memoized answers of pure functions', () => {
  it('works each answer out once, undefined ones included, and starts afresh past its limit', () => {
    const asked: string[] = [];
    const lengthOrNothing = memoized((key: string) => {
      asked.push(key);
      return key === 'none' ? undefined : key.length;
    }, 3);
    assert.deepEqual(['ab', 'none', 'ab', 'none'].map(lengthOrNothing), [2, undefined, 2, undefined]);
    assert.deepEqual(asked, ['ab', 'none']);
    ['c', 'd'].forEach(lengthOrNothing);
    lengthOrNothing('ab');
    assert.deepEqual(asked, ['ab', 'none', 'c', 'd', 'ab']);
  });

  it('keys a pair by both strings in order, so that no joining of them can make two pairs one', () => {
    const asked: string[] = [];
    const joined = memoizedPair((left: string, right: string) => {
      asked.push(`${left}|${right}`);
      return `${left}+${right}`;
    }, 3);
    // Joined with a separator, these two pairs would be one key.
    assert.equal(joined('a\u0000b', 'c'), 'a\u0000b+c');
    assert.equal(joined('a', 'b\u0000c'), 'a+b\u0000c');
    assert.equal(joined('c', 'a\u0000b'), 'c+a\u0000b');
    assert.equal(joined('a', 'b\u0000c'), 'a+b\u0000c');
    assert.deepEqual(asked, ['a\u0000b|c', 'a|b\u0000c', 'c|a\u0000b']);
    // A fourth pair goes past the limit: everything is worked out again.
    joined('x', 'y');
    joined('a', 'b\u0000c');
    assert.deepEqual(asked.slice(3), ['x|y', 'a|b\u0000c']);
  });

  it('remembers undefined answers of pairs too', () => {
    let calls = 0;
    const nothing = memoizedPair(() => {
      calls += 1;
      return undefined;
    });
    nothing('a', 'b');
    nothing('a', 'b');
    assert.equal(calls, 1);
  });
});
