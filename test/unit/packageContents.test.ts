import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

interface Manifest {
  main: string;
  icon: string;
  contributes: { grammars: { path: string }[]; languages: { configuration: string }[] };
}

describe('the packaged extension (.vscodeignore, as vsce sees it)', () => {
  let files: string[];
  before(() => {
    const vsce = resolve(root, 'node_modules/@vscode/vsce/vsce');
    files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).trim().split('\n').map((line) => line.trim());
  });

  it('holds only what runs: bundles, grammar, language configuration, manifest, documents, images', () => {
    const allowed = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|language-configuration\.json|syntaxes\/[\w.]+\.json|images\/[\w-]+\.(png|svg)|dist\/[\w]+\.js|dist\/compromise-model\.json|dist\/webview\/[\w]+\.(js|css))$/;
    for (const file of files) assert.match(file, allowed);
    assert.ok(!files.some((file) => file.endsWith('.map') || file.startsWith('node_modules/') || file.startsWith('seeds/')));
  });

  it('holds every file the manifest points at, and the bundles the server loads', () => {
    const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as Manifest;
    const referenced = [
      manifest.main,
      manifest.icon,
      'dist/server.js',
      'dist/serverMain.js',
      'dist/analysisWorker.js',
      'dist/analysisWorkerMain.js',
      'dist/engine.js',
      'dist/compromise-model.json',
      ...manifest.contributes.grammars.map((grammar) => grammar.path),
      ...manifest.contributes.languages.map((language) => language.configuration),
    ].map((path) => path.replace(/^\.\//, ''));
    for (const path of referenced) {
      assert.ok(files.includes(path), `${path} is not packaged`);
      assert.ok(existsSync(resolve(root, path)), `${path} does not exist`);
    }
  });
});
