// `npm test`: installs what is missing (npm ci; for the e2e suite code-server, Chromium and
// ripgrep via scripts/install-code-server.sh), type-checks, builds, packages, then runs every
// suite in one mocha run: unit (engine, scorer, grammar, manifest), lsp (the real server over
// stdio) and e2e (code-server + headless Chromium, which also runs the extension-host suite in
// test/vscode). Ends with the line "tests: N passed, N failed".
// Usage: node scripts/run-tests.mjs [unit] [lsp] [e2e] [--grep=PATTERN]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repoRoot);
const suites = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const selected = suites.length > 0 ? suites : ['unit', 'lsp', 'e2e'];
const grep = process.argv.find((arg) => arg.startsWith('--grep='))?.slice('--grep='.length);

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit' });
}

if (!existsSync(join(repoRoot, 'node_modules', '.package-lock.json'))) run('npm', ['ci', '--no-audit', '--no-fund']);
if (selected.includes('e2e')) run('bash', ['scripts/install-code-server.sh']);
run('npx', ['tsc', '-b']);
run('node', ['esbuild.mjs', '--tests']);
if (selected.includes('e2e')) run('node', ['scripts/package.mjs']);

const { default: Mocha } = await import('mocha');
const mocha = new Mocha({ timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
for (const suite of selected) {
  const dir = join('out', 'test', suite);
  for (const file of readdirSync(dir, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(join(dir, file));
  }
}
const runner = mocha.run((failures) => {
  const { passes, failures: failed, pending } = runner.stats;
  console.log(`\ntests: ${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
  process.exitCode = failures > 0 ? 1 : 0;
});
