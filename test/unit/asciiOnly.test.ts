import assert from 'node:assert/strict';

/** Source text of expressions whose value must not change when the code is made ASCII-only. */
const EXPRESSIONS = [
  String.raw`/[“”"]/u`,
  String.raw`/[’']s?$/u`,
  String.raw`/\’/`,
  String.raw`/a\\’/`,
  String.raw`/[.!?…]["”’')\]]*$/u`,
  String.raw`/😀+/u`,
  String.raw`/[😀]/u`,
  String.raw`/😀/`,
  String.raw`"—\’"`,
  '`café ${"—"}`',
];
const SAMPLES = ['“quoted”', 'Trump’s', '’', 'a\\’', 'It ends.” ', '😀😀', '\ud83d', 'x', 'café —', '—’'];

describe('ASCII-only production bundles (scripts/asciiOnly.mjs)', () => {
  let asciiOnly: (code: string) => string;
  before(async () => ({ asciiOnly } = await import('../../scripts/asciiOnly.mjs')));

  it('leaves no character outside ASCII', () => {
    for (const expression of EXPRESSIONS) assert.match(asciiOnly(expression), /^[\x00-\x7f]*$/);
  });

  it('gives every expression the same value: regular expressions match the same strings', () => {
    for (const expression of EXPRESSIONS) {
      const before: unknown = new Function(`return ${expression};`)();
      const after: unknown = new Function(`return ${asciiOnly(expression)};`)();
      if (before instanceof RegExp && after instanceof RegExp) {
        assert.equal(after.flags, before.flags);
        for (const sample of SAMPLES) assert.equal(after.test(sample), before.test(sample), `${expression} on ${sample}`);
      } else {
        assert.equal(after, before, expression);
      }
    }
  });
});
