import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const root = resolve(__dirname, '../../..');

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(resolve(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => parseRawGrammar(readFileSync(resolve(root, 'syntaxes/article.tmLanguage.json'), 'utf8'), 'article.tmLanguage.json'),
  });
  const grammar = await registry.loadGrammar('text.article');
  if (!grammar) throw new Error('grammar did not load');
  return grammar;
}

/** The text of every token whose scopes include one starting with `scope`. */
function scoped(grammar: IGrammar, line: string, scope: string): string[] {
  return grammar
    .tokenizeLine(line, INITIAL)
    .tokens.filter((token) => token.scopes.some((name) => name.startsWith(scope)))
    .map((token) => line.slice(token.startIndex, token.endIndex));
}

describe('the TextMate grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  for (const [style, line, inner] of [
    ['straight double', 'He said "we will respond" today.', 'we will respond'],
    ['curly double', 'He said “we will respond” today.', 'we will respond'],
    ['mixed curly/straight', 'He said “we will respond" today.', 'we will respond'],
    ['curly single', 'Iran promises ‘harsh retaliation’ now', 'harsh retaliation'],
    ['straight single (headline)', "Iran Promises 'Harsh Retaliation' On US", 'Harsh Retaliation'],
  ] as const) {
    it(`colours ${style} quotes`, () => {
      assert.equal(scoped(grammar, line, 'string.quoted').join(''), inner);
    });
  }

  it('leaves apostrophes alone', () => {
    assert.deepEqual(scoped(grammar, "Iran's leader said Trump’s move didn't help.", 'string.quoted'), []);
  });

  it('colours a tweet signature line: speaker, handle and date', () => {
    const line = 'Worried for our city. — Mayor Bill de Blasio (@NYCMayor) January 3, 2020';
    assert.deepEqual(scoped(grammar, line, 'entity.name.function.speaker'), ['Mayor Bill de Blasio']);
    assert.deepEqual(scoped(grammar, line, 'variable.other.handle'), ['(@NYCMayor)']);
    assert.deepEqual(scoped(grammar, line, 'constant.numeric.date'), ['January 3, 2020']);
  });

  it('colours @handles in running text', () => {
    assert.deepEqual(scoped(grammar, 'Follow @realDonaldTrump, not me@example.com', 'variable.other.handle'), ['@realDonaldTrump']);
  });

  it('colours wire datelines', () => {
    assert.deepEqual(scoped(grammar, 'Jan 3 (Reuters) – New York City officials went on alert', 'entity.name.type.outlet'), ['(Reuters)']);
    assert.deepEqual(scoped(grammar, 'WASHINGTON (AP) — The Senate voted', 'entity.name.type.outlet'), ['(AP)']);
  });
});
