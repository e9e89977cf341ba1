import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine/analyze';
import type { Analysis, Span } from '../../server/src/engine/types';

function assertSpansInRange(text: string, analysis: Analysis): void {
  const spans: Span[] = [
    ...analysis.quotes.flatMap((quote) => [quote, quote.source, quote.cue].filter((span): span is Span => span !== null)),
    ...analysis.speakers.flatMap((speaker) => speaker.mentions),
    ...analysis.attributions.flatMap((attribution) => [attribution, attribution.mention, attribution.cue]),
  ];
  for (const span of spans) {
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, JSON.stringify(span));
    assert.equal(text.slice(span.start, span.end), span.text);
  }
}

describe('analyze', () => {
  const seeds = join(__dirname, '../../../seeds');

  it('returns spans that lie in the text and match it, for every seed', () => {
    for (const file of readdirSync(seeds).filter((name) => name.endsWith('.txt'))) {
      const text = readFileSync(join(seeds, file), 'utf8');
      assertSpansInRange(text, analyze(text));
    }
  });

  it('is deterministic', () => {
    const text = readFileSync(join(seeds, '000_198c190caa6527b1.txt'), 'utf8');
    assert.deepEqual(analyze(text), analyze(text));
  });

  it('points each quote attribution index at an attribution', () => {
    const text = readFileSync(join(seeds, '004_a9b471eec6247fbb.txt'), 'utf8');
    const analysis = analyze(text);
    for (const quote of analysis.quotes) {
      if (quote.attribution !== null) assert.ok(analysis.attributions[quote.attribution]);
    }
  });

  it('never throws and keeps spans in range on arbitrary text', () => {
    const pieces = fc.constantFrom('"', '“', '”', "'", ' said ', ' he ', 'Mr. ', 'Sen. ', ', ', '.', '\n', 'Bill de Blasio', 'the mayor', 'according to ', '— ', '(@x)', 'Iran');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        assertSpansInRange(text, analyze(text));
      }),
      { numRuns: 200 },
    );
  });
});
