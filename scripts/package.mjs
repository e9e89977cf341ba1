// Packages the extension as article-lens-<version>.vsix at the repository root, offline, with the
// local @vscode/vsce. The bundles in dist/ already hold every runtime dependency, hence --no-dependencies.
// Usage: node scripts/package.mjs   (prints the .vsix path on the last line)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the .vsix and returns its absolute path. */
export function packageExtension() {
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  for (const file of readdirSync(repoRoot)) {
    // An older version's package left behind would be picked up by tests looking for article-lens-*.vsix.
    if (file.startsWith(`${name}-`) && file.endsWith('.vsix')) rmSync(join(repoRoot, file));
  }
  for (const bundle of ['client.js', 'server.js', 'serverMain.js', 'engine.js', 'compromise-model.json', 'analysisWorker.js', 'analysisWorkerMain.js']) {
    if (!existsSync(join(repoRoot, 'dist', bundle))) throw new Error(`dist/${bundle} is missing: run node esbuild.mjs first`);
  }
  const vsix = join(repoRoot, `${name}-${version}.vsix`);
  const vsce = createRequire(join(repoRoot, 'package.json')).resolve('@vscode/vsce/vsce');
  const hasLicense = readdirSync(repoRoot).some((file) => /^licen[cs]e(\.|$)/i.test(file));
  const args = [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix];
  // Without a LICENSE file vsce asks on the terminal, which would hang a CI run.
  if (!hasLicense) args.push('--skip-license');
  execFileSync(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  return vsix;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(packageExtension());
}
