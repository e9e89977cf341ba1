import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const repoRoot = resolve(__dirname, '../../..');
// compromise exports no path to its modules: they are reached as files.
const compromiseSource = join(repoRoot, 'node_modules', 'compromise', 'src');

describe('compromise’s tagger model, built into the bundles (scripts/compromiseModel.mjs)', function () {
  this.timeout(60_000);
  let splitModel: (model: unknown) => { json: string; restorer: (parsed: string) => string };
  let precomputedCompromiseModel: Plugin;
  let modelFile: string;
  before(async () => ({ splitModel, precomputedCompromiseModel, MODEL_FILE: modelFile } = await import('../../scripts/compromiseModel.mjs')));

  /** The model as a bundle gets it back: its JSON parsed, then the rest put back. */
  function restored(model: unknown): unknown {
    const { json, restorer } = splitModel(model);
    return new Function('json', `return ${restorer('JSON.parse(json)')};`)(json) as unknown;
  }

  it('is a deep copy of the model compromise builds when it loads', async () => {
    const modelModule = pathToFileURL(join(compromiseSource, '2-two', 'preTagger', 'model', 'index.js')).href;
    const { default: model } = (await import(modelModule)) as { default: unknown };
    const copy = restored(model);
    assert.notEqual(copy, model);
    assert.deepStrictEqual(copy, model);
  });

  it('puts regular expressions and undefined values back where they stood, keys in their order', () => {
    const model = { words: { b: 'Noun', a: undefined, c: [1, undefined, /x+/giu] }, rules: [[/^re/, 'Verb']], flag: false, none: null };
    const copy = restored(model) as typeof model;
    assert.deepStrictEqual(copy, model);
    assert.deepEqual(Object.keys(copy.words), ['b', 'a', 'c']);
    assert.ok(copy.words.c[2] instanceof RegExp && copy.words.c[2].flags === 'giu');
  });

  it('stops the build at what a copy could not keep', () => {
    const inUse = /a/g;
    inUse.exec('a');
    const cases: [unknown, RegExp][] = [
      [{ methods: { tag: (): null => null } }, /a function that a build cannot copy at methods\.tag/],
      [{ seen: new Set(['a']) }, /a object that a build cannot copy at seen/],
      [{ limits: [Number.POSITIVE_INFINITY] }, /holds Infinity at limits\.0/],
      [{ pattern: inUse }, /a regular expression in use at pattern/],
    ];
    for (const [model, message] of cases) assert.throws(() => splitModel(model), message);
  });

  it('takes the place of the module that builds it: the bundle reads the model from a file beside it, and tags the seeds as before', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'compromise-model-'));
    const bundle = async (name: string, plugins: Plugin[]): Promise<{ code: string; tags: (text: string) => string[][] }> => {
      await build({
        stdin: { contents: "import nlp from 'compromise/two'; export const tags = (text) => nlp(text).json().flatMap((sentence) => sentence.terms.map((term) => term.tags));", resolveDir: repoRoot },
        bundle: true,
        outdir: join(outdir, name),
        platform: 'node',
        format: 'cjs',
        plugins,
        logLevel: 'silent',
      });
      const path = join(outdir, name, 'stdin.js');
      return { code: readFileSync(path, 'utf8'), ...(require(path) as { tags: (text: string) => string[][] }) };
    };
    try {
      const built = await bundle('built', [precomputedCompromiseModel]);
      const stock = await bundle('stock', []);
      assert.match(built.code, /compromise\/src\/2-two\/preTagger\/model\/index\.js/);
      assert.doesNotMatch(built.code, /preTagger\/model\/_expand\//);
      assert.match(stock.code, /preTagger\/model\/_expand\//);
      assert.ok(existsSync(join(outdir, 'built', modelFile)), 'the model file is written beside the bundle');
      const seeds = readdirSync(join(repoRoot, 'seeds')).filter((name) => name.endsWith('.txt'));
      assert.ok(seeds.length >= 5);
      for (const seed of seeds) {
        const text = readFileSync(join(repoRoot, 'seeds', seed), 'utf8');
        const tags = built.tags(text);
        assert.ok(tags.length > 300, `${seed}: ${tags.length} words`);
        assert.deepStrictEqual(tags, stock.tags(text), seed);
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
