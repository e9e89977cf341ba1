import assert from 'node:assert/strict';
import { parseQuoteMapMessage } from '../../client/src/views/quoteMapMessages';

describe('messages from the quote map webview', () => {
  it('accepts well-formed open and ready messages, keeping only their known fields', () => {
    assert.deepEqual(parseQuoteMapMessage({ type: 'open', generation: 3, quote: 0, cell: 2, uri: 'file:///etc/passwd' }), {
      type: 'open',
      generation: 3,
      quote: 0,
      cell: 2,
    });
    assert.deepEqual(parseQuoteMapMessage({ type: 'ready', generation: 1, cells: 12 }), { type: 'ready', generation: 1, cells: 12 });
  });

  const malformed: [string, unknown][] = [
    ['null', null],
    ['a string', 'open'],
    ['an unknown type', { type: 'run', generation: 1, quote: 0, cell: 0 }],
    ['a missing generation', { type: 'open', quote: 0, cell: 0 }],
    ['a negative index', { type: 'open', generation: 1, quote: -1, cell: 0 }],
    ['a fractional index', { type: 'open', generation: 1, quote: 0.5, cell: 0 }],
    ['a string index', { type: 'open', generation: 1, quote: '0', cell: 0 }],
    ['NaN', { type: 'open', generation: 1, quote: Number.NaN, cell: 0 }],
    ['Infinity', { type: 'open', generation: 1, quote: 0, cell: Number.POSITIVE_INFINITY }],
    ['a ready without a count', { type: 'ready', generation: 1 }],
  ];
  for (const [name, value] of malformed) {
    it(`rejects ${name}`, () => assert.equal(parseQuoteMapMessage(value), undefined));
  }
});
