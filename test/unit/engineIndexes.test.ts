import assert from 'node:assert/strict';
import type { Entity, Mention } from '../../server/src/engine/entities';
import { MentionIndex } from '../../server/src/engine/mentionIndex';
import { NameBuckets } from '../../server/src/engine/nameBuckets';
import { SpanIndex } from '../../server/src/engine/spanIndex';

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4294967296;
  };
}

function entity(name: string): Entity {
  return { name, kind: 'person', forms: [name], aliases: new Set(), roles: [], gender: null, mentions: [] };
}

describe('engine lookup indexes (what the linear scans they replace would find)', () => {
  it('MentionIndex.startingIn lists exactly the mentions starting in the range, whatever the insertion order', () => {
    const random = seededRandom(11);
    const people = Array.from({ length: 12 }, (_unused, index) => entity(`Person ${index}`));
    const index = new MentionIndex();
    people.forEach((person) => index.addEntity(person));
    const all: Mention[] = [];
    for (let k = 0; k < 800; k++) {
      const start = Math.floor(random() * 5000);
      const mention: Mention = { start, end: start + 1 + Math.floor(random() * 30), text: 'x', entity: people[Math.floor(random() * people.length)] as Entity, how: 'name' };
      all.push(mention);
      index.add(mention);
      if (k % 40 !== 0) continue;
      for (let query = 0; query < 20; query++) {
        const from = Math.floor(random() * 5200) - 100;
        const to = from + Math.floor(random() * 600);
        const expected = new Set(all.filter((candidate) => candidate.start >= from && candidate.start <= to));
        const found = index.startingIn(from, to);
        assert.equal(found.length, expected.size, `range ${from}-${to}`);
        for (const candidate of found) assert.ok(expected.has(candidate));
        for (let i = 1; i < found.length; i++) assert.ok((found[i - 1] as Mention).start <= (found[i] as Mention).start, 'ordered by start');
      }
    }
  });

  it('MentionIndex.rank follows registration order and ignores repeats', () => {
    const [a, b, c] = [entity('A'), entity('B'), entity('C')];
    const index = new MentionIndex();
    index.addEntity(b);
    index.addEntity(a);
    index.addEntity(b);
    assert.ok(index.rank(b) < index.rank(a));
    assert.ok(index.rank(a) < index.rank(c), 'an unregistered entity ranks last');
  });

  it('NameBuckets keeps each bucket in registration order, however late an entity joins it', () => {
    const random = seededRandom(5);
    const people = Array.from({ length: 30 }, (_unused, index) => entity(`P${index}`));
    const order = new Map(people.map((person, index) => [person, index]));
    const buckets = new NameBuckets((person) => order.get(person) ?? Number.MAX_SAFE_INTEGER);
    const members = new Map<string, Set<Entity>>();
    for (let k = 0; k < 300; k++) {
      const key = String.fromCharCode(97 + Math.floor(random() * 5));
      const person = people[Math.floor(random() * people.length)] as Entity;
      buckets.add(key, person);
      members.set(key, (members.get(key) ?? new Set()).add(person));
    }
    for (const [key, expected] of members) {
      assert.deepStrictEqual([...buckets.get(key)], people.filter((person) => expected.has(person)), `bucket ${key}`);
    }
    assert.deepStrictEqual([...buckets.get('zz')], []);
  });
  it('SpanIndex finds a span overlapping or containing a stretch exactly when one does', () => {
    const random = seededRandom(23);
    for (let round = 0; round < 60; round++) {
      const spans = Array.from({ length: Math.floor(random() * 12) }, () => {
        const start = Math.floor(random() * 300);
        return { start, end: start + Math.floor(random() * 60) };
      });
      const index = new SpanIndex(spans);
      for (let query = 0; query < 40; query++) {
        const start = Math.floor(random() * 340) - 20;
        const end = start + Math.floor(random() * 50);
        const overlapping = spans.some((span) => span.start < end && span.end > start);
        const containing = spans.some((span) => span.start <= start && span.end >= end);
        assert.equal(index.overlaps(start, end), overlapping, `overlaps ${start}-${end} of ${JSON.stringify(spans)}`);
        assert.equal(index.contains(start, end), containing, `contains ${start}-${end} of ${JSON.stringify(spans)}`);
      }
    }
  });
});
