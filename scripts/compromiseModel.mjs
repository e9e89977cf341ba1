// The lexicon and patterns of compromise's part-of-speech tagger, worked out at build time.
// compromise builds them each time it loads: it unpacks its compressed lexicon and grows it
// with every inflection of its verbs, adjectives and nouns. Every analysis worker and every run
// of the command line paid that before its first analysis (about 110 ms of a 430 ms start with
// V8's code cache); a bundle reads the result from a data file beside it instead. A file, not
// a string in the bundle: the bundle's source stays in memory in every thread that runs it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** compromise's module that builds the model, as the bundler meets it. */
const MODEL_MODULE = /compromise[\\/]src[\\/]2-two[\\/]preTagger[\\/]model[\\/]index\.js$/;

/** The data file each bundle that carries compromise reads, in the bundle's folder. */
export const MODEL_FILE = 'compromise-model.json';

/**
 * `model` split into what JSON holds and the rest: its plain data as JSON, and the values JSON
 * cannot hold (regular expressions, undefined) as code that puts them back where they stood.
 * Anything else a copy could not keep (a function, a class instance, a regular expression
 * partway through a search) stops the build.
 */
export function splitModel(model) {
  const regexps = [];
  const patches = [];
  const plain = (value, path) => {
    if (value instanceof RegExp) {
      if (value.lastIndex !== 0) throw new Error(`compromise's model holds a regular expression in use at ${path.join('.')}`);
      patches.push([path, regexps.push(value) - 1]);
      return null;
    }
    if (value === undefined) {
      patches.push([path, -1]);
      return null;
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`compromise's model holds ${value} at ${path.join('.')}`);
      return value;
    }
    if (Array.isArray(value)) return value.map((item, index) => plain(item, [...path, index]));
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item, [...path, key])]));
    }
    throw new Error(`compromise's model holds a ${typeof value} that a build cannot copy at ${path.join('.')}`);
  };
  const json = JSON.stringify(plain(model, []));
  const restore = `((model, regexps, patches) => {
  for (const [path, index] of patches) {
    let holder = model;
    for (const key of path.slice(0, -1)) holder = holder[key];
    holder[path[path.length - 1]] = index < 0 ? undefined : regexps[index];
  }
  return model;
})`;
  return { json, restorer: (parsed) => `${restore}(${parsed}, [${regexps.map(String).join(', ')}], ${JSON.stringify(patches)})` };
}

/** The model's parts, worked out once however many bundles a build makes. */
let modelParts = null;

/** The esbuild plugin that bundles the model built, in place of the module that builds it. */
export const precomputedCompromiseModel = {
  name: 'precomputed-compromise-model',
  setup(build) {
    const { outdir } = build.initialOptions;
    build.onLoad({ filter: MODEL_MODULE }, async (args) => {
      if (outdir === undefined) throw new Error('a bundle that carries compromise needs an outdir, where its model goes');
      modelParts ??= import(pathToFileURL(args.path).href).then(({ default: model }) => splitModel(model));
      const { json, restorer } = await modelParts;
      mkdirSync(outdir, { recursive: true });
      writeFileSync(join(outdir, MODEL_FILE), json);
      const parsed = `JSON.parse(readFileSync(join(__dirname, ${JSON.stringify(MODEL_FILE)}), 'utf8'))`;
      return { contents: `import { readFileSync } from 'node:fs';\nimport { join } from 'node:path';\nexport default ${restorer(parsed)};\n`, loader: 'js' };
    });
  },
};
