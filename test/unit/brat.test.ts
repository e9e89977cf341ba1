import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BRAT_ANNOTATION_CONF, parseBratAnn, toBratAnn } from '../../server/src/annotations/brat';
import { exportItems, type ExportItem } from '../../server/src/annotations/exportItems';
import { analyze } from '../../server/src/engine';

const root = resolve(__dirname, '../../..');

/** A seed article with CRLF line ends and emoji before and inside its quotes. */
function emojiCrlfArticle(): string {
  const seed = readFileSync(resolve(root, 'seeds', '000_198c190caa6527b1.txt'), 'utf8');
  return `😀 Breaking 🗞️\n${seed}`.replace(/\r?\n/g, '\r\n').replace(/“/, '“🔥 ');
}

const withoutOrigin = ({ kind, start, end, text, name }: Omit<ExportItem, 'origin'>) => ({ kind, start, end, text, name });

describe('brat standoff export and import', () => {
  const text = emojiCrlfArticle();
  const items = exportItems(analyze(text));
  const ann = toBratAnn(text, items);

  it('exports every item, each T line\'s text the code-point slice of its offsets', () => {
    const codePoints = Array.from(text);
    const lines = ann.trimEnd().split('\n').filter((line) => line.startsWith('T'));
    assert.equal(lines.length, items.length);
    assert.ok(items.some((item) => item.kind === 'quote') && items.some((item) => item.kind === 'speaker'), 'the seed has quotes and speakers');
    assert.ok(items.some((item) => Array.from(text.slice(0, item.start)).length !== item.start), 'the emoji shift code points against UTF-16');
    for (const line of lines) {
      const [, middle, written] = line.split('\t');
      const fragments = middle!.split(' ').slice(1).join(' ').split(';').map((pair) => pair.split(' ').map(Number));
      const expected = fragments.map(([start, end]) => codePoints.slice(start, end).join('')).join(' ');
      assert.equal(written, expected, line);
      assert.ok(!written!.includes('\r') && !written!.includes('\n'), line);
    }
  });

  it('import(export(x)) equals x', () => {
    const { items: imported, problems } = parseBratAnn(text, ann);
    assert.deepEqual(problems, []);
    assert.deepEqual(imported.map(withoutOrigin), items.map(withoutOrigin));
  });

  it('splits an item that crosses a line break into fragments and reads it back whole', () => {
    const multi = 'He said “one 😀\r\ntwo” today.';
    const item: ExportItem = { kind: 'quote', start: 9, end: 20, text: multi.slice(9, 20), name: 'Someone', origin: 'user' };
    const written = toBratAnn(multi, [item]);
    assert.match(written, /^T1\tQuote 9 14;16 19\tone 😀 two\n#1\tAnnotatorNotes T1\tSomeone\n$/);
    assert.deepEqual(parseBratAnn(multi, written).items, [withoutOrigin(item)]);
  });

  it('reports lines whose text disagrees with the article instead of importing them', () => {
    const { items: imported, problems } = parseBratAnn('Hello world', 'T1\tSpeaker 0 5\tHello\nT2\tSpeaker 6 11\tWorld\nT3\tPerson 0 5\tHello\n');
    assert.deepEqual(imported.map((item) => item.text), ['Hello']);
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /line 2: .*"World"/);
    assert.match(problems[1]!, /line 3: type "Person"/);
  });

  it('declares every type it writes in annotation.conf', () => {
    for (const type of ['Speaker', 'Outlet', 'Attribution', 'Quote']) assert.match(BRAT_ANNOTATION_CONF, new RegExp(`^${type}$`, 'm'));
    assert.match(BRAT_ANNOTATION_CONF, /^\[entities\]$/m);
  });
});
