import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnnotationStore, type AnnotationStoreHost } from '../../server/src/annotations/annotationStore';
import { parseSidecar } from '../../server/src/annotations/sidecarFile';
import { analyze } from '../../server/src/engine';

const TEXT = 'Mayor Bill de Blasio tweeted on Sunday: “We will not back down.” Reuters reported the news.\n';

describe('the annotation store: sidecar files, safety and the overlay', () => {
  let folder: string;
  let article: string;
  let uri: string;
  let host: AnnotationStoreHost & { refusal: string | null; changes: string[] };

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'article-lens-store-'));
    article = join(folder, 'a.txt');
    writeFileSync(article, TEXT);
    uri = pathToFileURL(article).toString();
    const changes: string[] = [];
    host = { refusal: null, changes, writeRefusal: () => host.refusal, editorText: () => undefined, changed: (changed) => changes.push(changed) };
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const sidecar = (): string => `${article}.annotations.json`;
  const range = (words: string, text = TEXT) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

  it('writes a valid sidecar beside the article with code-point positions and quote selectors', async () => {
    const store = new AnnotationStore(host);
    await store.add(uri, TEXT, [{ kind: 'outlet', action: 'mark', name: null, range: range('Reuters') }]);
    const parsed = parseSidecar(sidecar(), readFileSync(sidecar(), 'utf8'));
    assert.equal(parsed.kind, 'valid');
    const [saved] = parsed.kind === 'valid' ? parsed.annotations : [];
    assert.equal(saved?.quote.exact, 'Reuters');
    assert.ok(saved?.quote.prefix.endsWith('down.” '));
    assert.deepEqual(saved?.position, range('Reuters'));
    assert.deepEqual(host.changes, [uri]);
  });

  it('never overwrites a sidecar that does not parse, and names it in the error', async () => {
    const corrupt = '{ "type": "AnnotationPage", "items": [ oops ';
    writeFileSync(sidecar(), corrupt);
    const store = new AnnotationStore(host);
    assert.match(store.problem(uri) ?? '', /a\.txt\.annotations\.json: not valid JSON/);
    await assert.rejects(store.add(uri, TEXT, [{ kind: 'speaker', action: 'mark', name: null, range: range('Bill') }]), /a\.txt\.annotations\.json: not valid JSON/);
    assert.equal(readFileSync(sidecar(), 'utf8'), corrupt);
    // The engine's analysis is shown unchanged meanwhile.
    const analysis = analyze(TEXT);
    assert.deepEqual(store.overlay(uri, TEXT, analysis), analysis);
  });

  it('refuses to write in an untrusted workspace, with the reason', async () => {
    host.refusal = 'This workspace is not trusted';
    const store = new AnnotationStore(host);
    await assert.rejects(store.add(uri, TEXT, [{ kind: 'speaker', action: 'mark', name: null, range: range('Bill') }]), /not trusted/);
    assert.equal(existsSync(sidecar()), false);
  });

  it('quick successive changes end in one valid file holding all of them', async () => {
    const store = new AnnotationStore(host);
    const words = ['Mayor', 'Bill', 'Blasio', 'Sunday', 'Reuters', 'news'];
    await Promise.all(words.map((word) => store.add(uri, TEXT, [{ kind: 'speaker', action: 'mark', name: null, range: range(word) }])));
    const parsed = parseSidecar(sidecar(), readFileSync(sidecar(), 'utf8'));
    assert.equal(parsed.kind, 'valid');
    assert.deepEqual(parsed.kind === 'valid' ? parsed.annotations.map((annotation) => annotation.quote.exact).sort() : [], [...words].sort());
  });

  it('a rejected automatic speaker stays rejected after an edit and a new analysis', async () => {
    const store = new AnnotationStore(host);
    const engine = analyze(TEXT);
    const mention = engine.speakers.flatMap((speaker) => speaker.mentions).find((candidate) => candidate.text.includes('Blasio'));
    assert.ok(mention, 'the engine finds de Blasio');
    await store.add(uri, TEXT, [{ kind: 'speaker', action: 'reject', name: null, range: mention }]);
    const edited = `An introduction. ${TEXT}`;
    store.didEdit(uri, TEXT, [{ start: 0, end: 0, text: 'An introduction. ' }], edited);
    const overlaid = store.overlay(uri, edited, analyze(edited));
    assert.ok(!overlaid.speakers.some((speaker) => speaker.mentions.some((candidate) => candidate.text.includes('Blasio'))), JSON.stringify(overlaid.speakers));
    // A fresh store (a new session) reads the rejection from the sidecar and finds its words in the changed file.
    writeFileSync(article, edited);
    const fresh = new AnnotationStore(host);
    const again = fresh.overlay(uri, edited, analyze(edited));
    assert.ok(!again.speakers.some((speaker) => speaker.mentions.some((candidate) => candidate.text.includes('Blasio'))));
  });

  it('marks and speaker corrections override the engine; unplaceable annotations are kept and reported', async () => {
    const store = new AnnotationStore(host);
    const quote = range('We will not back down.');
    await store.add(uri, TEXT, [
      { kind: 'quote', action: 'mark', name: 'Someone Else', range: quote },
      { kind: 'outlet', action: 'mark', name: null, range: range('Sunday') },
    ]);
    const overlaid = store.overlay(uri, TEXT, analyze(TEXT));
    assert.equal(overlaid.quotes.find((candidate) => candidate.start === quote.start)?.speaker, 'Someone Else');
    assert.ok(overlaid.outlets.some((outlet) => outlet.mentions.some((mention) => mention.text === 'Sunday')));
    const changed = TEXT.replace('Sunday', 'Monday');
    const placed = store.placed(uri, changed);
    assert.equal(placed.length, 2);
    assert.equal(placed.find(({ annotation }) => annotation.quote.exact === 'Sunday')?.range, null);
    assert.deepEqual(placed.find(({ annotation }) => annotation.kind === 'quote')?.range, quote);
  });

  describe('with a folder listing', () => {
    /** A sidecar written by someone else, marking Reuters as an outlet. */
    async function writeForeignSidecar(): Promise<void> {
      const other = new AnnotationStore(host);
      await other.add(uri, TEXT, [{ kind: 'outlet', action: 'mark', name: null, range: range('Reuters') }]);
    }

    it('takes a sidecar the listing did not see for missing, until a watcher reports it', async () => {
      const store = new AnnotationStore(host);
      store.listed([{ path: article, uri }], new Set([article]));
      await writeForeignSidecar();
      assert.equal(store.placed(uri, TEXT).length, 0, 'the listing is trusted on first load');
      store.reload(uri);
      assert.equal(store.placed(uri, TEXT).length, 1, 'the watcher news is read');
    });

    it('reads a sidecar the listing saw, and one a watcher reported before the first load', async () => {
      await writeForeignSidecar();
      const seenStore = new AnnotationStore(host);
      seenStore.listed([{ path: article, uri }], new Set([article, sidecar()]));
      assert.equal(seenStore.placed(uri, TEXT).length, 1);
      const reportedStore = new AnnotationStore(host);
      reportedStore.listed([{ path: article, uri }], new Set([article]));
      reportedStore.reload(uri);
      assert.equal(reportedStore.placed(uri, TEXT).length, 1);
    });

    it('asks the disk before writing, whatever the listing said', async () => {
      const store = new AnnotationStore(host);
      store.listed([{ path: article, uri }], new Set([article]));
      await writeForeignSidecar();
      assert.equal(store.placed(uri, TEXT).length, 0);
      await store.add(uri, TEXT, [{ kind: 'speaker', action: 'mark', name: null, range: range('Bill de Blasio') }]);
      const parsed = parseSidecar(sidecar(), readFileSync(sidecar(), 'utf8'));
      assert.deepEqual(parsed.kind === 'valid' ? parsed.annotations.map((annotation) => annotation.kind).sort() : [], ['outlet', 'speaker']);
    });
  });
});
