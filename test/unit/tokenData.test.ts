import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SemanticTokensBuilder } from 'vscode-languageserver';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../common/protocol';
import { analyze } from '../../server/src/engine';
import { encodeTokens, tokenEdits } from '../../server/src/features/tokenData';
import { tokenRuns } from '../../server/src/features/tokenRuns';

const seedsDir = join(__dirname, '..', '..', '..', 'seeds');
const seeds = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(seedsDir, name), 'utf8'));

/** The encoding as vscode-languageserver's own builder makes it from the runs: the reference. */
function builderEncoding(text: string, linked: ReadonlySet<string>, range?: { start: number; end: number }): number[] {
  const builder = new SemanticTokensBuilder();
  for (const run of tokenRuns(text, analyze(text), linked)) {
    if (range && (run.end <= range.start || run.start >= range.end)) continue;
    const modifierBits = run.modifiers.reduce((bits, modifier) => bits | (1 << TOKEN_MODIFIERS.indexOf(modifier)), 0);
    builder.push(run.line, run.character, run.end - run.start, TOKEN_TYPES.indexOf(run.type), modifierBits);
  }
  return builder.build().data;
}

function applyEdits(previous: readonly number[], edits: ReturnType<typeof tokenEdits>): number[] {
  const result = [...previous];
  // Applied from the last: each edit's start counts in the previous data.
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return result;
}

describe('semantic token data', () => {
  it('encodes each seed as the language server library would, whole and by range', () => {
    for (const text of seeds) {
      const analysis = analyze(text);
      const linked = new Set(analysis.quotes.filter((_quote, index) => index % 2 === 0).map((quote) => quote.id));
      const whole = encodeTokens(text, analysis, linked);
      assert.ok(whole.length > 0);
      assert.deepEqual(whole, builderEncoding(text, linked));
      const range = { start: Math.floor(text.length / 3), end: Math.floor(text.length / 2) };
      const ranged = encodeTokens(text, analysis, linked, range);
      assert.ok(ranged.length > 0 && ranged.length < whole.length);
      assert.deepEqual(ranged, builderEncoding(text, linked, range));
    }
  });

  it('gives the same numbers whatever was encoded before (the scratch space is reused)', () => {
    const [first, second] = seeds as [string, string];
    const alone = encodeTokens(second, analyze(second), new Set());
    encodeTokens(first + first + first, analyze(first + first + first), new Set());
    assert.deepEqual(encodeTokens(second, analyze(second), new Set()), alone);
  });

  it('makes edits that turn the previous data into the current', () => {
    const tokenArray = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 });
    fc.assert(
      fc.property(tokenArray, tokenArray, (previous, current) => {
        const edits = tokenEdits(previous, current);
        assert.deepEqual(applyEdits(previous, edits), current);
        assert.ok(edits.length <= 1);
        if (edits.length === 1) assert.ok((edits[0]?.data?.length ?? 0) + (edits[0]?.deleteCount ?? 0) > 0, 'an edit changes something');
      }),
      { numRuns: 2_000, seed: 4_242 },
    );
  });

  it('sends only what a typed character changed', () => {
    const text = seeds[0] as string;
    const at = text.indexOf('\n\n') + 2;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const before = encodeTokens(text, analyze(text), new Set());
    const after = encodeTokens(edited, analyze(edited), new Set());
    const [edit] = tokenEdits(before, after);
    assert.ok(edit && (edit.data?.length ?? 0) < 20, `edit of ${edit?.data?.length} numbers for one character`);
  });
});
