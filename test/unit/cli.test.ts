import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { AnalysisJson, SpanJson } from '../../server/src/cli/json';
import { createPalette, wantsColour } from '../../server/src/cli/palette';
import { shorten } from '../../server/src/cli/report';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist', 'cli.js');
const schema: unknown = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'analysis.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile<AnalysisJson>(schema as object);

function run(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function parseValid(stdout: string): AnalysisJson {
  const json: unknown = JSON.parse(stdout);
  assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
  return json;
}

/** Every span the JSON names, with a label saying where it came from. */
function spansOf(json: AnalysisJson): Array<{ file: string; where: string; span: SpanJson }> {
  return json.articles.flatMap((article) => {
    const spans: Array<{ where: string; span: SpanJson }> = [];
    for (const quote of article.quotes) {
      spans.push({ where: `quote ${quote.id}`, span: quote });
      if (quote.source) spans.push({ where: `quote ${quote.id} source`, span: quote.source });
      if (quote.cue) spans.push({ where: `quote ${quote.id} cue`, span: quote.cue });
    }
    for (const named of [...article.speakers, ...article.outlets]) {
      for (const mention of named.mentions) spans.push({ where: `mention of ${named.name}`, span: mention });
    }
    for (const attribution of article.attributions) {
      spans.push({ where: 'attribution', span: attribution }, { where: 'attribution mention', span: attribution.mention });
      spans.push({ where: 'attribution cue', span: attribution.cue });
    }
    return spans.map((entry) => ({ file: article.file, ...entry }));
  });
}

function assertSpansMatchText(json: AnalysisJson, textOf: (file: string) => string): void {
  for (const { file, where, span } of spansOf(json)) {
    assert.ok(span.start <= span.end, `${file} ${where}: start ${span.start} after end ${span.end}`);
    assert.equal(span.text, textOf(file).slice(span.start, span.end), `${file} ${where} at ${span.start}`);
  }
}

describe('article-lens CLI (dist/cli.js)', function () {
  // Each case starts node and loads the NLP library; mocha's 2 s default is too tight for that.
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'article-lens-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints JSON for the seeds folder that fits the schema, every span equal to its slice of the file', () => {
    const { code, stdout, stderr } = run(['analyze', 'seeds', '--json']);
    assert.equal(code, 0, stderr);
    const json = parseValid(stdout);
    const expected = ['000_198c190caa6527b1.txt', '001_737dabe0ebce7f11.txt', '002_131402eebdac2dd7.txt', '003_9657c7c9ccc2eae3.txt', '004_a9b471eec6247fbb.txt'];
    assert.deepEqual(json.articles.map((article) => article.file), expected.map((name) => join('seeds', name)));
    // Trump's tweet stands in 000 (twice) and 004: one link, every occurrence a quote of that file.
    const trump = json.links.find((link) => link.occurrences.some((occurrence) => occurrence.end - occurrence.start > 20 && /never lost a negotiation/.test(readFileSync(join(root, occurrence.file), 'utf8').slice(occurrence.start, occurrence.end))));
    assert.ok(trump, JSON.stringify(json.links.map((link) => link.id)));
    assert.deepEqual([...new Set(trump.occurrences.map((occurrence) => occurrence.file))].sort(), [join('seeds', expected[0]!), join('seeds', expected[4]!)]);
    for (const link of json.links) {
      for (const occurrence of link.occurrences) {
        const article = json.articles.find((candidate) => candidate.file === occurrence.file);
        assert.ok(article?.quotes.some((quote) => quote.id === occurrence.quote && quote.start === occurrence.start && quote.end === occurrence.end), `${link.id}: ${occurrence.quote}`);
      }
    }
    assert.ok(json.articles.some((article) => article.quotes.length > 0), 'the seeds have quotes, so some must be reported');
    assertSpansMatchText(json, (file) => readFileSync(join(root, file), 'utf8'));
  });

  it('has a schema strict enough to refuse a field the shape does not name', () => {
    const json = parseValid(run(['analyze', 'seeds/002_131402eebdac2dd7.txt', '--json']).stdout);
    const widened = { ...json, articles: json.articles.map((article) => ({ ...article, extra: true })) };
    assert.equal(validate(widened), false);
    assert.equal(validate({ ...json, version: 2 }), false);
  });

  it('keeps a byte-order mark in the text, so offsets count it', () => {
    const file = join(dir, 'bom.txt');
    const text = '\uFEFF"We will not back down," the governor said on Tuesday.\n';
    writeFileSync(file, text, 'utf8');
    const { code, stdout, stderr } = run(['analyze', file, '--json']);
    assert.equal(code, 0, stderr);
    const json = parseValid(stdout);
    assert.equal(json.articles[0].quotes[0]?.start, 2, 'the quote opens after the BOM and the quote mark');
    assertSpansMatchText(json, () => text);
  });

  it('expands a folder to its .txt files in sorted order, ignoring other files', () => {
    writeFileSync(join(dir, 'b.txt'), 'Second article.\n');
    writeFileSync(join(dir, 'a.txt'), 'First article.\n');
    writeFileSync(join(dir, 'notes.md'), '# not an article\n');
    const json = parseValid(run(['analyze', dir, '--json']).stdout);
    assert.deepEqual(json.articles.map((article) => article.file), [join(dir, 'a.txt'), join(dir, 'b.txt')]);
  });

  it('names a binary file, goes on with the others and exits 1', () => {
    const binary = join(dir, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]));
    const good = join(dir, 'good.txt');
    writeFileSync(good, 'The mayor said nothing.\n');
    const { code, stdout, stderr } = run(['analyze', binary, good, '--json']);
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`${escape(binary)}: binary file`));
    assert.deepEqual(parseValid(stdout).articles.map((article) => article.file), [good]);
  });

  it('names a file that is not valid UTF-8 and exits 1', () => {
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Caf\xe9 owner said.', 'latin1'));
    const { code, stderr } = run(['analyze', latin1]);
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`${escape(latin1)}: not valid UTF-8 \\(first bad byte at offset 3\\)`));
  });

  it('tells UTF-16 text apart from binary', () => {
    const utf16 = join(dir, 'utf16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('He said so.', 'utf16le')]));
    const { code, stderr } = run(['analyze', utf16]);
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`${escape(utf16)}: UTF-16 text; save it as UTF-8`));
  });

  it('names a missing path and exits 1, still reporting the files it could read', () => {
    const missing = join(dir, 'nowhere.txt');
    const { code, stdout, stderr } = run(['analyze', missing, 'seeds/002_131402eebdac2dd7.txt']);
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`${escape(missing)}: no such file or folder`));
    assert.match(stdout, /seeds\/002_131402eebdac2dd7\.txt/);
  });

  it('prints a readable report without colour codes when stdout is not a terminal', () => {
    const { code, stdout } = run(['analyze', 'seeds/000_198c190caa6527b1.txt'], { FORCE_COLOR: '1' });
    assert.equal(code, 0);
    for (const heading of ['Speakers (', 'Outlets (', 'Attributions (']) assert.ok(stdout.includes(heading), heading);
    assert.doesNotMatch(stdout, /\u001b\[/);
  });

  it('exits 2 on usage errors and 0 for --help and --version', () => {
    assert.equal(run([]).code, 2);
    assert.equal(run(['analyze']).code, 2);
    const unknown = run(['analyze', '--no-such-option', 'seeds']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option '--no-such-option'/);
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /analyze/);
    const version = run(['--version']);
    assert.equal(version.code, 0);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), manifest.version);
  });
});

describe('CLI report helpers', () => {
  it('colours only a terminal, and never with NO_COLOR set', () => {
    assert.equal(wantsColour({ isTTY: true }, {}), true);
    assert.equal(wantsColour({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(wantsColour({ isTTY: false }, {}), false);
    assert.equal(wantsColour({}, {}), false);
    assert.equal(createPalette(false).speaker('Pelosi'), 'Pelosi');
    assert.equal(createPalette(true).speaker('Pelosi'), '\u001b[36mPelosi\u001b[39m');
  });

  it('shortens long quotes at a word boundary onto one line', () => {
    assert.equal(shorten('short\nquote', 20), 'short quote');
    const long = shorten('one two three four five six seven eight nine ten', 20);
    assert.ok(long.length <= 20, long);
    assert.equal(long, 'one two three four…');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
