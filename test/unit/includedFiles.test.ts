import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
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
    assert.deepEqual(files.map((file) => file.path.slice(root.length + 1)), ['articles/c.txt', 'seeds/a.txt', 'seeds/deep/b.txt']);
  });

  it('lists past node_modules, .git and hidden folders and files, follows linked folders, and sees every other file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'article-lens-listing-'));
    try {
      const files = ['articles/a.txt', 'articles/.hidden.txt', 'articles/notes.md', 'articles/a.txt.annotations.json', 'node_modules/articles/b.txt', '.git/articles/c.txt', '.cache/articles/d.txt', 'x/node_modules/articles/e.txt', 'elsewhere/articles/f.txt'];
      for (const file of files) {
        mkdirSync(join(folder, file, '..'), { recursive: true });
        writeFileSync(join(folder, file), 'text');
      }
      symlinkSync(join(folder, 'elsewhere', 'articles'), join(folder, 'linked'), 'dir');
      const { included, seen } = await new IncludedFiles(folder, ['**/articles/**/*.txt', 'linked/*.txt']).list();
      assert.deepEqual(included.map((file) => file.path.slice(folder.length + 1)), ['articles/a.txt', 'elsewhere/articles/f.txt', 'linked/f.txt']);
      assert.deepEqual([...seen].map((path) => path.slice(folder.length + 1)).sort(), ['articles/a.txt', 'articles/a.txt.annotations.json', 'articles/notes.md', 'elsewhere/articles/f.txt', 'linked/f.txt']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('matches a workspace opened on the seeds folder itself, as VS Code\'s filenamePatterns do', async () => {
    const included = new IncludedFiles(join(root, 'seeds'), DEFAULT_SETTINGS.include);
    assert.equal(included.includes(join(root, 'seeds', 'a.txt')), true);
    assert.deepEqual((await included.list()).included.map((file) => file.path.slice(root.length + 1)), ['seeds/a.txt', 'seeds/deep/b.txt']);
  });

  it('follows user globs and never reaches outside the folder', () => {
    const included = new IncludedFiles(join(root, 'notes'), ['**/*.txt']);
    assert.equal(included.includes(join(root, 'notes', 'd.txt')), true);
    assert.equal(included.includes(join(root, 'seeds', 'a.txt')), false);
  });

  it('gives each listed file the uri pathToFileURL gives its path, plain names or not', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'article-lens-uris-'));
    try {
      const names = ['plain-name_1.txt', 'with space.txt', '#hash?.txt', 'caf\u00e9.txt', '100%.txt', 'sub dir/[x].txt', 'emoji \u{1F600}.txt'];
      for (const name of names) {
        mkdirSync(join(folder, 'seeds', name, '..'), { recursive: true });
        writeFileSync(join(folder, 'seeds', name), 'text');
      }
      const { included } = await new IncludedFiles(folder, DEFAULT_SETTINGS.include).list();
      assert.equal(included.length, names.length);
      for (const { path, uri } of included) assert.equal(uri, pathToFileURL(path).href, path);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("answers as picomatch's own matcher does, for the default and user globs", () => {
    const globs = [...DEFAULT_SETTINGS.include, '**/*.txt', 'news/*.md', '*.txt', '**/.drafts/*.txt', 'a?c/**/[0-9]*.txt', '{x,y}/**'];
    const paths = ['a.txt', 'seeds/a.txt', 'seeds/deep/b.txt', '.hidden.txt', 'seeds/.x.txt', 'news/n.md', 'news/deep/n.md', 'node_modules/seeds/f.txt', 'x/.git/y.txt'];
    const more = ['abc/1.txt', 'abc/q/2b.txt', 'x/y/z', 'y/.dot/file', '.drafts/d.txt', 'w/.drafts/d.txt', 'articles/c.txt', 'deep/articles/c.txt'];
    for (const glob of globs) {
      const included = new IncludedFiles('/w', [glob]);
      const expected = picomatch([glob], { dot: false, ignore: ['**/node_modules/**', '**/.git/**'] });
      for (const path of [...paths, ...more]) assert.equal(included.includes(`/w/${path}`), expected(path) || expected(`w/${path}`), `${glob} on ${path}`);
    }
  });
});
