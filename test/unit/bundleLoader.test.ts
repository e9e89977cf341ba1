import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUNDLE = `const path = require('node:path');
let total = 0;
for (let i = 0; i < 10; i++) total += i;
module.exports = { total, name: path.basename(__filename), folder: __dirname, own: exports === module.exports };`;

/** runBundle in a new process, as each server start is. */
function runOnce(bundle: string, cacheFolder?: string): unknown {
  const script = join(__dirname, 'support', 'runBundleOnce.js');
  return JSON.parse(execFileSync(process.execPath, [script, bundle, ...(cacheFolder === undefined ? [] : [cacheFolder])], { encoding: 'utf8' }));
}

describe('running a bundle with V8\u2019s code cache', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'article-lens-bundle-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('runs it as require would, with no cache, a fresh one, a damaged one, or after the bundle changed', () => {
    const bundle = join(folder, 'bundle.js');
    const cache = join(folder, 'cache');
    writeFileSync(bundle, BUNDLE);
    const expected = { total: 45, name: 'bundle.js', folder, own: true };
    assert.deepEqual(runOnce(bundle), { exports: expected, cacheUsed: false });

    assert.deepEqual(runOnce(bundle, cache), { exports: expected, cacheUsed: false });
    const [written, ...others] = readdirSync(cache);
    assert.match(written ?? '', /^bundle\.js\.[0-9a-f]{16}\.cache$/);
    assert.deepEqual(others, [], 'nothing but the cache is left in its folder');
    assert.deepEqual(runOnce(bundle, cache), { exports: expected, cacheUsed: true });

    // V8 rejects what is not its cache of this source; it is written afresh.
    writeFileSync(join(cache, written as string), 'not a code cache');
    assert.deepEqual(runOnce(bundle, cache), { exports: expected, cacheUsed: false });
    assert.deepEqual(runOnce(bundle, cache), { exports: expected, cacheUsed: true });

    // Another build of the bundle has a cache of its own, which replaces the older one.
    writeFileSync(bundle, BUNDLE.replace('i < 10', 'i < 11'));
    assert.deepEqual(runOnce(bundle, cache), { exports: { ...expected, total: 55 }, cacheUsed: false });
    const replaced = readdirSync(cache);
    assert.equal(replaced.length, 1);
    assert.notEqual(replaced[0], written);
    assert.deepEqual(runOnce(bundle, cache), { exports: { ...expected, total: 55 }, cacheUsed: true });
  });

  it('runs it when the cache cannot be written, leaving nothing behind', () => {
    const bundle = join(folder, 'bundle.js');
    writeFileSync(bundle, BUNDLE);
    // The cache's folder is a file.
    const blocked = join(folder, 'blocked');
    writeFileSync(blocked, '');
    assert.deepEqual(runOnce(bundle, blocked), { exports: { total: 45, name: 'bundle.js', folder, own: true }, cacheUsed: false });
    assert.deepEqual(readdirSync(folder).sort(), ['blocked', 'bundle.js']);
  });
});
