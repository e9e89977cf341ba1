import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSidecar, serializeSidecar } from '../../server/src/annotations/sidecarFile';
import type { UserAnnotation } from '../../server/src/annotations/types';
import { writeExport } from '../../server/src/annotations/exportWriter';
import { fromW3c, toW3c } from '../../server/src/annotations/w3c';

const annotation: UserAnnotation = {
  id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
  kind: 'quote',
  action: 'mark',
  name: 'Bill de Blasio',
  quote: { exact: 'never won a war 😀', prefix: 'He has ', suffix: ', he said' },
  position: { start: 7, end: 24 },
  created: '2025-01-01T00:00:00.000Z',
  modified: '2025-01-02T00:00:00.000Z',
};

describe('W3C Web Annotation JSON', () => {
  it('writes an annotation with a TextQuoteSelector and a TextPositionSelector and reads it back', () => {
    const json = toW3c(annotation, 'article.txt');
    assert.deepEqual(json.target.selector.map((selector) => selector.type).sort(), ['TextPositionSelector', 'TextQuoteSelector']);
    assert.equal(json.motivation, 'tagging');
    assert.deepEqual(fromW3c(json), annotation);
  });

  it('writes a rejection as an assessing annotation and reads it back', () => {
    const rejection: UserAnnotation = { ...annotation, action: 'reject', kind: 'speaker', name: null };
    const json = toW3c(rejection, 'article.txt');
    assert.equal(json.motivation, 'assessing');
    assert.deepEqual(fromW3c(json), rejection);
  });

  it('a sidecar round-trips through its schema', () => {
    const raw = serializeSidecar('/tmp/x/article.txt', [annotation]);
    const parsed = parseSidecar('/tmp/x/article.txt.annotations.json', raw);
    assert.equal(parsed.kind, 'valid');
    assert.deepEqual(parsed.kind === 'valid' && parsed.annotations, [annotation]);
    assert.equal((JSON.parse(raw) as { '@context': string })['@context'], 'http://www.w3.org/ns/anno.jsonld');
  });

  it('names the file and the problem of a sidecar that does not validate', () => {
    const broken = JSON.parse(serializeSidecar('/a/b.txt', [annotation])) as { items: { target: { selector: unknown[] } }[] };
    broken.items[0]!.target.selector = [];
    const parsed = parseSidecar('/a/b.txt.annotations.json', JSON.stringify(broken));
    assert.equal(parsed.kind, 'invalid');
    assert.match(parsed.kind === 'invalid' ? parsed.message : '', /^\/a\/b\.txt\.annotations\.json: not a valid annotations file: \/items\/0\/target\/selector/);
    const notJson = parseSidecar('/a/b.txt.annotations.json', '{"items": [');
    assert.match(notJson.kind === 'invalid' ? notJson.message : '', /b\.txt\.annotations\.json: not valid JSON/);
  });

  it('exports JSON-LD pages, CSV and brat files into a folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'article-lens-export-'));
    try {
      const text = 'Smith said “hi, “there””.';
      const items = [
        { kind: 'speaker' as const, start: 0, end: 5, text: 'Smith', name: 'John Smith', origin: 'user' as const },
        { kind: 'quote' as const, start: 12, end: 23, text: text.slice(12, 23), name: 'John Smith', origin: 'engine' as const },
      ];
      const w3c = await writeExport([{ path: '/some/a.txt', text, items }], 'w3c', out);
      const page = JSON.parse(readFileSync(w3c[0]!, 'utf8')) as { type: string; items: { creator?: unknown; target: { selector: { type: string; exact?: string }[] } }[] };
      assert.equal(page.type, 'AnnotationPage');
      assert.equal(page.items.length, 2);
      assert.equal(page.items[0]!.creator, undefined, 'user items have no software creator');
      assert.ok(page.items[1]!.creator);
      assert.equal(page.items[1]!.target.selector.find((selector) => selector.type === 'TextQuoteSelector')?.exact, text.slice(12, 23));
      const [csv] = await writeExport([{ path: '/some/a.txt', text, items }], 'csv', out);
      const lines = readFileSync(csv!, 'utf8').split('\r\n');
      assert.equal(lines[0], 'article,kind,start,end,text,name,origin');
      assert.equal(lines[2], `a.txt,quote,12,23,"${text.slice(12, 23).replace(/"/g, '""')}",John Smith,engine`);
      const brat = await writeExport([{ path: '/some/a.txt', text, items }], 'brat', out);
      assert.deepEqual(brat.map((file) => file.slice(out.length + 1)).sort(), ['a.ann', 'a.txt', 'annotation.conf']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
