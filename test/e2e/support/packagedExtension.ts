import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repoRoot';

/** The .vsix scripts/package.mjs leaves at the repository root. */
export function packagedExtension(): string {
  const packages = readdirSync(repoRoot).filter((file) => /^article-lens-.*\.vsix$/.test(file));
  if (packages.length !== 1) {
    throw new Error(`expected one article-lens-*.vsix in ${repoRoot}, found ${packages.length}: run node scripts/package.mjs`);
  }
  return join(repoRoot, packages[0]);
}
