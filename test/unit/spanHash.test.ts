import assert from 'node:assert/strict';
import { HashFilter, spanHash } from '../../server/src/engine/spanHash';

describe('span hashes and their filter', () => {
  it('hashes a stretch of a text as the same word alone, case folded when asked', () => {
    const text = 'Reuters REPORTED it';
    assert.equal(spanHash(text, 8, 16, true), spanHash('reported', 0, 8, false));
    assert.notEqual(spanHash(text, 8, 16, false), spanHash('reported', 0, 8, false));
  });

  it('holds every word it was made of and rules out nearly all others', () => {
    const leads = Array.from({ length: 500 }, (_, index) => `lead${index}`);
    const filter = new HashFilter(leads, false);
    for (const lead of leads) assert.ok(filter.mayHold(spanHash(lead, 0, lead.length, false)), lead);
    const others = Array.from({ length: 5000 }, (_, index) => `other${index}`);
    const passed = others.filter((word) => filter.mayHold(spanHash(word, 0, word.length, false))).length;
    // 500 hashes set at most 500 of 65,536 bits: about 0.8 % of other words pass.
    assert.ok(passed < others.length * 0.03, `${passed} of ${others.length} other words passed`);
  });
});
