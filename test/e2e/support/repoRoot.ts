import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Bundled tests run from out/test/..., at varying depths: look upwards for the manifest.
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'esbuild.mjs'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root above ${start}`);
  }
}

/** The repository root (the folder holding package.json and esbuild.mjs). */
export const repoRoot = findRepoRoot(__dirname);
