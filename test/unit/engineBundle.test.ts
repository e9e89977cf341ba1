import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../server/src/engine';

const repoRoot = resolve(__dirname, '../../..');
const dist = join(repoRoot, 'dist');

describe('the engine bundle the language server loads on its own thread (dist/engine.js)', () => {
  it('is not loaded when the server starts', async () => {
    // Over stdio, with its input left open: a server whose input ends exits at once.
    const script = `process.argv.splice(1, process.argv.length - 1, 'server.js', '--stdio'); require(${JSON.stringify(join(dist, 'server.js'))}); setTimeout(() => { process.stdout.write(JSON.stringify(Object.keys(require.cache))); process.exit(0); }, 300);`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resume) => child.on('exit', resume));
    assert.equal(code, 0);
    const loaded = JSON.parse(printed) as string[];
    assert.ok(loaded.includes(join(dist, 'server.js')), 'the server bundle was loaded');
    assert.ok(!loaded.includes(join(dist, 'engine.js')), 'the engine bundle waits for an analysis on the server thread');
  });

  it('is what the server requires for it, and analyses as the engine does', () => {
    assert.match(readFileSync(join(dist, 'serverMain.js'), 'utf8'), /require\("\.\/engine\.js"\)/);
    const bundled = require(join(dist, 'engine.js')) as typeof import('../../server/src/engine');
    for (const file of readdirSync(join(repoRoot, 'seeds')).filter((name) => name.endsWith('.txt'))) {
      const text = readFileSync(join(repoRoot, 'seeds', file), 'utf8');
      assert.deepStrictEqual(bundled.analyze(text), analyze(text), file);
    }
  });
});
