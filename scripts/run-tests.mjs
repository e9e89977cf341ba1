// `npm test`: type-check, build, package, then every suite in one mocha run:
// unit (engine), lsp (the real server over stdio) and e2e (code-server + Chromium,
// which also runs the extension-host suite in test/vscode). Ends with "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

const suites = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const selected = suites.length > 0 ? suites : ['unit', 'lsp', 'e2e'];
const grep = process.argv.find((arg) => arg.startsWith('--grep='))?.slice('--grep='.length);

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit' });
}

run('npx', ['tsc', '-b']);
run('node', ['esbuild.mjs', '--tests']);
if (selected.includes('e2e')) run('node', ['scripts/package.mjs']);

const mocha = new Mocha({ timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
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
