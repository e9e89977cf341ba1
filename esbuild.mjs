// Bundles the extension (client, server, CLI) into dist/ and the tests and scripts into out/.
// Usage: node esbuild.mjs [--production] [--watch] [--tests]
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = process.argv.includes('--tests');

/** @type {esbuild.BuildOptions} */
const shared = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const extension = [
  { entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  { entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
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

const configs = [...extension, ...(withTests ? tests : [])].map((config) => ({ ...shared, ...config }));

if (watch) {
  for (const config of configs) await (await esbuild.context(config)).watch();
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
}
