// Entry point VS Code loads as `extensionTestsPath`: runs every suite/*.test.js with mocha inside the
// extension host, where `vscode` is the real API. Used by code-server (test/e2e/extensionHost.test.ts)
// and by @vscode/test-electron alike.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // The extension host forwards console.log to the browser without expanding mocha's %s formats.
  // A runner that cannot read the extension host's console names a file in ARTICLE_LENS_SUITE_LOG.
  const logFile = process.env.ARTICLE_LENS_SUITE_LOG;
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => {
    const line = format(...data);
    console.log(line);
    if (logFile) appendFileSync(logFile, `${line}\n`);
  };
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000 });
  const suiteDir = join(__dirname, 'suite');
  const files = readdirSync(suiteDir).filter((file) => file.endsWith('.test.js'));
  if (files.length === 0) throw new Error(`no extension-host tests found in ${suiteDir}`);
  for (const file of files.sort()) mocha.addFile(join(suiteDir, file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
