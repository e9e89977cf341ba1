// Bundles the extension (client, server, CLI) into dist/ and the tests and scripts into out/.
// Usage: node esbuild.mjs [--production] [--watch] [--tests]
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asciiOnly } from './scripts/asciiOnly.mjs';
import { precomputedCompromiseModel } from './scripts/compromiseModel.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = process.argv.includes('--tests');

/** @type {esbuild.BuildOptions} */
const shared = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // esbuild counts Unicode property escapes (\p{Lu}) as unsupported by every Node version and
  // rewrote each such regular expression literal as `new RegExp(source, flags)`, constructed
  // anew at every call: a million constructions in an engine pass over the bench's 5,000
  // articles. Node has them since 10. Same analyses of those articles, the seeds and
  // polnear-dev; four alternated warm passes in one process: 3.37-3.62 s against 3.75-4.17.
  supported: { 'regexp-unicode-property-escapes': true },
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ESM-only dependencies (fdir) read import.meta.url, which CommonJS lacks.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * The language server's own thread analyses only when workers cannot (inProcessEngine.ts): its
 * `require` of the engine (the NLP library and lexicons, half the server's code) goes to a
 * bundle of its own, so that a server start does not even parse it.
 */
const engineApart = {
  name: 'engine-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/engine$/ }, (args) => (args.importer.endsWith('inProcessEngine.ts') ? { path: './engine.js', external: true } : undefined));
  },
};

const extension = [
  // The quote map's page script runs in the webview, a browser.
  {
    entryPoints: ['client/src/views/webview/quoteMap.ts'],
    outdir: 'dist/webview',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    define: {},
    banner: {},
  },
  { entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // server.js and analysisWorker.js only run serverMain.js and analysisWorkerMain.js with V8's code cache (bundleLoader.ts).
  { entryPoints: { server: 'server/src/serverEntry.ts' }, outdir: 'dist' },
  { entryPoints: { serverMain: 'server/src/server.ts' }, outdir: 'dist', plugins: [engineApart] },
  { entryPoints: { engine: 'server/src/engine/index.ts' }, outdir: 'dist' },
  { entryPoints: { analysisWorker: 'server/src/corpus/workers/analysisWorkerEntry.ts' }, outdir: 'dist' },
  { entryPoints: { analysisWorkerMain: 'server/src/corpus/workers/analysisWorker.ts' }, outdir: 'dist' },
  {
    entryPoints: { cli: 'server/src/cli.ts' },
    outdir: 'dist',
    banner: { js: `#!/usr/bin/env node\n${shared.banner.js}` },
  },
];

function typescriptFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(dir, file));
}

// Tests and scripts keep their folder layout under out/; node_modules stay external.
const tests = [
  {
    entryPoints: [...typescriptFiles('test'), ...typescriptFiles('scripts')],
    outdir: 'out',
    outbase: '.',
    packages: 'external',
    external: ['vscode'],
  },
];

// Bundles that carry compromise get its tagger's model built (scripts/compromiseModel.mjs).
const configs = [...extension, ...(withTests ? tests : [])].map((config) => ({ ...shared, ...config, plugins: [...(config.plugins ?? []), precomputedCompromiseModel] }));

if (watch) {
  for (const config of configs) await (await esbuild.context(config)).watch();
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
  // Production bundles are what users run: see scripts/asciiOnly.mjs.
  if (production) {
    for (const file of readdirSync('dist', { recursive: true }).map(String).filter((name) => name.endsWith('.js'))) {
      const path = join('dist', file);
      const code = readFileSync(path, 'utf8');
      const ascii = asciiOnly(code);
      if (ascii !== code) writeFileSync(path, ascii);
    }
  }
}
