import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnnotationStore } from '../../server/src/annotations/annotationStore';
import { parseSidecar } from '../../server/src/annotations/sidecarFile';

const root = resolve(__dirname, '../../..');
const ARTICLE = '000_198c190caa6527b1.txt';

function cli(args: readonly string[]) {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI: export and import of annotations', function () {
  this.timeout(60_000);
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'article-lens-cli-annotations-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('export applies the sidecar (a mark and a rejection); import writes them back as annotations', async () => {
    const articles = join(folder, 'articles');
    mkdirSync(articles);
    const article = join(articles, ARTICLE);
    copyFileSync(join(root, 'seeds', ARTICLE), article);
    const text = readFileSync(article, 'utf8');
    const store = new AnnotationStore({ writeRefusal: () => null, editorText: () => undefined, changed: () => undefined });
    const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const blasio = text.indexOf('de Blasio tweeted');
    await store.add(pathToFileURL(article).toString(), text, [
      { kind: 'speaker', action: 'mark', name: null, range: at('Tehran') },
      { kind: 'speaker', action: 'reject', name: null, range: { start: blasio, end: blasio + 'de Blasio'.length } },
    ]);

    const out = join(folder, 'brat');
    const exported = cli(['export', articles, '--format', 'brat', '--out', out]);
    assert.equal(exported.code, 0, exported.stderr);
    const ann = readFileSync(join(out, ARTICLE.replace(/\.txt$/, '.ann')), 'utf8');
    assert.match(ann, /^T\d+\tSpeaker \d+ \d+\tTehran$/m);
    const codePoint = Array.from(text.slice(0, blasio)).length;
    assert.ok(!new RegExp(`^T\\d+\\tSpeaker ${codePoint} `, 'm').test(ann), 'the rejected speaker is not exported');

    const json = cli(['analyze', article, '--json']);
    const speakers = (JSON.parse(json.stdout) as { articles: { speakers: { mentions: { text: string }[] }[] }[] }).articles[0]!.speakers;
    assert.ok(speakers.some((speaker) => speaker.mentions.some((mention) => mention.text === 'Tehran')), 'analyze applies the sidecar too');

    const target = join(folder, 'target');
    mkdirSync(target);
    copyFileSync(join(root, 'seeds', ARTICLE), join(target, ARTICLE));
    const imported = cli(['import', out, '--into', target]);
    assert.equal(imported.code, 0, imported.stderr);
    const sidecar = parseSidecar('x', readFileSync(join(target, `${ARTICLE}.annotations.json`), 'utf8'));
    assert.equal(sidecar.kind, 'valid');
    const exacts = sidecar.kind === 'valid' ? sidecar.annotations.map((annotation) => annotation.quote.exact) : [];
    assert.equal(exacts.length, ann.split('\n').filter((line) => line.startsWith('T')).length);
    assert.ok(exacts.includes('Tehran'));
  });

  it('export refuses an unknown format as a usage error', () => {
    const result = cli(['export', join(root, 'seeds'), '--format', 'xml', '--out', folder]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /xml/);
  });
});
