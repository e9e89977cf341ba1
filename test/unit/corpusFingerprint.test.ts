import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusFingerprint } from '../../server/src/corpus/corpusFingerprint';

const change = fc.record({ uri: fc.constantFrom('file:///a.txt', 'file:///b.txt', 'file:///c.txt', 'file:///d.txt'), fingerprint: fc.option(fc.constantFrom('h1', 'h2', 'h2+edit', ''), { nil: null }) });

/** The final state a sequence of changes leaves: uri -> fingerprint of the articles with an analysis. */
function finalState(changes: readonly { uri: string; fingerprint: string | null }[]): Map<string, string> {
  const state = new Map<string, string>();
  for (const { uri, fingerprint } of changes) {
    if (fingerprint === null) state.delete(uri);
    else state.set(uri, fingerprint);
  }
  return state;
}

function fingerprintOf(state: ReadonlyMap<string, string>, version = 'build'): string {
  const fingerprint = new CorpusFingerprint();
  for (const [uri, value] of [...state].sort()) fingerprint.set(uri, value);
  return fingerprint.value(version);
}

describe('the corpus fingerprint', () => {
  it('depends on the articles as they end up, not on the order or the changes that led there', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
        const fingerprint = new CorpusFingerprint();
        for (const { uri, fingerprint: value } of changes) fingerprint.set(uri, value);
        assert.equal(fingerprint.value('build'), fingerprintOf(finalState(changes)));
      }),
      { numRuns: 300 },
    );
  });

  it('differs between corpora that differ, and between builds of the matching code', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), fc.array(change, { maxLength: 12 }), (one, other) => {
        const [a, b] = [finalState(one), finalState(other)];
        const same = a.size === b.size && [...a].every(([uri, value]) => b.get(uri) === value);
        assert.equal(fingerprintOf(a) === fingerprintOf(b), same);
      }),
      { numRuns: 300 },
    );
    assert.notEqual(fingerprintOf(new Map([['file:///a.txt', 'h1']]), 'build-1'), fingerprintOf(new Map([['file:///a.txt', 'h1']]), 'build-2'));
  });
});
