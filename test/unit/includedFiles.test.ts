import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../common/protocol';
import { IncludedFiles } from '../../server/src/corpus/includedFiles';

describe('IncludedFiles: which files are articles', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'article-lens-include-'));
    for (const file of ['seeds/a.txt', 'seeds/deep/b.txt', 'articles/c.txt', 'notes/d.txt', 'seeds/e.md', 'node_modules/seeds/f.txt']) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), 'text');
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('lists the default globs\' files under a workspace folder, and nothing else', async () => {
    const files = (await new IncludedFiles(root, DEFAULT_SETTINGS.include).list()).included;
    assert.deepEqual(files.map((file) => file.slice(root.length + 1)), ['articles/c.txt', 'seeds/a.txt', 'seeds/deep/b.txt']);
  });

  it('matches a workspace opened on the seeds folder itself, as VS Code\'s filenamePatterns do', async () => {
    const included = new IncludedFiles(join(root, 'seeds'), DEFAULT_SETTINGS.include);
    assert.equal(included.includes(join(root, 'seeds', 'a.txt')), true);
    assert.deepEqual((await included.list()).included.map((file) => file.slice(root.length + 1)), ['seeds/a.txt', 'seeds/deep/b.txt']);
  });

  it('follows user globs and never reaches outside the folder', () => {
    const included = new IncludedFiles(join(root, 'notes'), ['**/*.txt']);
    assert.equal(included.includes(join(root, 'notes', 'd.txt')), true);
    assert.equal(included.includes(join(root, 'seeds', 'a.txt')), false);
  });
});
