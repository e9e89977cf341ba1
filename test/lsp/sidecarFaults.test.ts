import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position, SemanticTokens } from 'vscode-languageserver-protocol';
import { ServerCommands, type ListAnnotationsResult } from '../../common/protocol';
import { readSidecar } from '../../server/src/annotations/sidecarFile';
import { LspServer, repoRoot } from './support/lspServer';
import { decodeTokens } from './support/tokens';

const ARTICLE = '000_198c190caa6527b1.txt';
const FileChangeType = { Created: 1, Changed: 2, Deleted: 3 } as const;

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

function rangeOf(text: string, words: string): { start: Position; end: Position } {
  const index = text.indexOf(words);
  assert.ok(index >= 0, `"${words}" not found`);
  return { start: positionAt(text, index), end: positionAt(text, index + words.length) };
}

/** A copy of the seeds in a fresh folder: the workspace each test may break. */
function seedsWorkspace(prefix: string): string {
  const workspace = mkdtempSync(join(tmpdir(), prefix));
  cpSync(resolve(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  return workspace;
}

/** Every file under `dir` with its bytes, to prove nothing was written. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true }).map(String)) {
    const path = join(dir, entry);
    files.set(relative(dir, path), statSync(path).isDirectory() ? '<dir>' : readFileSync(path).toString('base64'));
  }
  return files;
}

async function typesAt(server: LspServer, uri: string, text: string, words: string): Promise<string[]> {
  const { start } = rangeOf(text, words);
  const result = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  return decodeTokens(result.data, server.legend, text)
    .filter((token) => token.line === start.line && token.character <= start.character && start.character < token.character + token.length)
    .map((token) => token.type);
}

async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resume) => setTimeout(resume, 20));
  }
}

describe('faults in sidecar annotation files', function () {
  this.timeout(120_000);
  let workspace: string;
  let server: LspServer | undefined;
  const path = (): string => join(workspace, 'seeds', ARTICLE);
  const uri = (): string => pathToFileURL(path()).toString();
  const sidecar = (): string => `${path()}.annotations.json`;

  afterEach(async () => {
    await server?.stop().catch(() => undefined);
    server = undefined;
    rmSync(workspace, { recursive: true, force: true });
  });

  async function startAndOpen(options: { initializationOptions?: unknown } = {}): Promise<{ server: LspServer; text: string }> {
    const started = await LspServer.start(workspace, options);
    server = started;
    await started.corpusReady(5);
    const text = readFileSync(path(), 'utf8');
    await started.open(uri(), text);
    await started.statusOf(uri());
    return { server: started, text };
  }

  it('reports a truncated, hand-broken, misshapen, emptied or folder sidecar, never overwrites it, and takes it back once fixed', async () => {
    workspace = seedsWorkspace('article-lens-sidecar-');
    const { server, text } = await startAndOpen();
    await server.executeCommand(ServerCommands.markSpeaker, { uri: uri(), range: rangeOf(text, 'Tehran') });
    const good = readFileSync(sidecar(), 'utf8');
    assert.equal(readSidecar(sidecar()).kind, 'valid');
    assert.ok((await typesAt(server, uri(), text, 'Tehran')).includes('speaker'));

    const corruptions: [string, string | Buffer | null][] = [
      ['truncated mid-write', good.slice(0, Math.floor(good.length / 2))],
      ['cut inside a multi-byte character', Buffer.concat([Buffer.from(good.slice(0, good.indexOf('Tehran'))), Buffer.from('é').subarray(0, 1)])],
      ['hand-edited with a trailing comma', good.replace(/\}\s*\]\s*\}\s*$/, '},\n]}\n')],
      ['hand-edited with a comment', `// my notes\n${good}`],
      ['valid JSON of the wrong shape', '{"type": "AnnotationPage", "items": "none"}'],
      ['emptied', ''],
      ['replaced by a folder', null],
    ];
    let faults = 0;
    for (const [fault, content] of corruptions) {
      rmSync(sidecar(), { recursive: true, force: true });
      if (content === null) mkdirSync(sidecar());
      else writeFileSync(sidecar(), content);
      const before = snapshot(join(workspace, 'seeds'));
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(sidecar()).toString(), type: FileChangeType.Changed }] });
      await assert.rejects(
        server.executeCommand(ServerCommands.markOutlet, { uri: uri(), range: rangeOf(text, 'Iran') }),
        (error: Error) => error.message.includes(`${ARTICLE}.annotations.json`),
        `${fault}: the refusal should name the sidecar`,
      );
      await assert.rejects(server.executeCommand(ServerCommands.markSpeaker, { uri: uri(), range: rangeOf(text, 'Trump') }), Error, fault);
      assert.deepEqual(snapshot(join(workspace, 'seeds')), before, `${fault}: a file of the workspace changed`);
      const listed = await server.executeCommand<ListAnnotationsResult>(ServerCommands.listAnnotations, { uri: uri() });
      assert.ok(listed.problem?.includes(`${ARTICLE}.annotations.json`), `${fault}: the list names no problem: ${JSON.stringify(listed)}`);
      await until(`${fault}: a diagnostic on the article`, () => server.diagnostics.get(uri())?.some((diagnostic) => diagnostic.message.includes(`${ARTICLE}.annotations.json`)) === true);
      // Still read and highlighted, without the broken annotations.
      assert.ok((await typesAt(server, uri(), text, 'Donald Trump')).length > 0, `${fault}: the article lost its highlighting`);
      faults++;
    }

    rmSync(sidecar(), { recursive: true, force: true });
    writeFileSync(sidecar(), good);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(sidecar()).toString(), type: FileChangeType.Changed }] });
    await until('the fixed sidecar to apply again', async () => (await typesAt(server, uri(), text, 'Tehran')).includes('speaker'));
    await server.executeCommand(ServerCommands.markOutlet, { uri: uri(), range: rangeOf(text, 'Iran') });
    const fixed = readSidecar(sidecar());
    assert.equal(fixed.kind, 'valid');
    assert.equal(fixed.kind === 'valid' ? fixed.annotations.length : 0, 2, 'the fixed sidecar holds the old annotation and the new one');
    assert.deepEqual(readdirSync(join(workspace, 'seeds')).filter((name) => name.endsWith('.tmp')), [], 'temporary files left behind');
    assert.equal(faults, corruptions.length);
  });

  it('leaves a whole sidecar (never half a file) when the server is killed amid a burst of writes, and a new server reads it back', async () => {
    workspace = seedsWorkspace('article-lens-kill-');
    const text = readFileSync(path(), 'utf8');
    const words = [...new Set(text.match(/\b\p{Lu}\p{Ll}{3,}\b/gu) ?? [])].slice(0, 36);
    assert.ok(words.length >= 30, `only ${words.length} words to mark`);
    const kills = [0, 10, 40];
    const savedAfterKill: number[] = [];
    // A kill between creating the temporary file and renaming it leaves that file; counted, not failed.
    let leftovers = 0;
    for (const [round, delay] of kills.entries()) {
      const { server: victim } = await startAndOpen();
      // Fire a burst of writes (new words each round) without waiting for them, then kill the server partway through.
      const burst = words.filter((_, index) => index % kills.length === round);
      const writes = burst.map((word) => victim.executeCommand(ServerCommands.markSpeaker, { uri: uri(), range: rangeOf(text, word) }).catch(() => undefined));
      await until('the first write', () => existsSync(sidecar()), 20_000).catch(() => undefined);
      await new Promise((resume) => setTimeout(resume, delay));
      await victim.kill();
      server = undefined;
      void Promise.all(writes);

      const content = readSidecar(sidecar());
      assert.notEqual(content.kind, 'invalid', `killed after ${delay} ms: ${content.kind === 'invalid' ? content.message : ''}`);
      const saved = content.kind === 'valid' ? content.annotations.length : 0;
      assert.ok(saved >= (savedAfterKill.at(-1) ?? 0), `killed after ${delay} ms: annotations saved before were lost`);
      savedAfterKill.push(saved);
      leftovers = readdirSync(join(workspace, 'seeds')).filter((name) => name.endsWith('.tmp')).length;
      const { server: revived } = await startAndOpen();
      const listed = await revived.executeCommand<ListAnnotationsResult>(ServerCommands.listAnnotations, { uri: uri() });
      assert.equal(listed.problem, null);
      assert.equal(listed.annotations.length, saved, `killed after ${delay} ms: the new server reads ${listed.annotations.length} of ${saved} saved annotations`);
      assert.ok(listed.annotations.every((entry) => entry.range !== null), 'an annotation lost its place');
      await revived.stop();
      server = undefined;
    }
    console.log(`      annotations on disk after each kill (bursts of ${words.length / kills.length}): ${savedAfterKill.join(', ')}; temporary files left: ${leftovers}`);
    // The next write clears what killed writers left behind.
    const { server: writer } = await startAndOpen();
    server = writer;
    await writer.executeCommand(ServerCommands.markOutlet, { uri: uri(), range: rangeOf(text, words.at(-1)!) });
    assert.deepEqual(readdirSync(join(workspace, 'seeds')).filter((name) => name.endsWith('.tmp')), [], 'stale temporary files were not cleared');
  });

  it('in an untrusted workspace reads and highlights annotations but writes nothing, whatever is asked', async () => {
    workspace = seedsWorkspace('article-lens-untrusted-');
    const trusted = await startAndOpen();
    await trusted.server.executeCommand(ServerCommands.markSpeaker, { uri: uri(), range: rangeOf(trusted.text, 'Tehran') });
    await trusted.server.stop();
    server = undefined;
    const brat = mkdtempSync(join(tmpdir(), 'article-lens-brat-in-'));
    writeFileSync(join(brat, ARTICLE), trusted.text);
    writeFileSync(join(brat, ARTICLE.replace(/\.txt$/, '.ann')), `T1\tSpeaker ${trusted.text.indexOf('Iran')} ${trusted.text.indexOf('Iran') + 4}\tIran\n`);

    const before = snapshot(workspace);
    const { server: untrusted, text } = await startAndOpen({ initializationOptions: { workspaceTrusted: false } });
    assert.ok((await typesAt(untrusted, uri(), text, 'Tehran')).includes('speaker'), 'the sidecar is read');
    const quoteAt = positionAt(text, text.indexOf('“') + 3);
    const writes: [string, unknown][] = [
      [ServerCommands.markSpeaker, { uri: uri(), range: rangeOf(text, 'Iran') }],
      [ServerCommands.markOutlet, { uri: uri(), range: rangeOf(text, 'Iran') }],
      [ServerCommands.markAttribution, { uri: uri(), range: rangeOf(text, 'Iran') }],
      [ServerCommands.markQuote, { uri: uri(), range: rangeOf(text, 'Iran') }],
      [ServerCommands.setQuoteSpeaker, { uri: uri(), position: quoteAt, speaker: 'Somebody Else' }],
      [ServerCommands.removeAnnotation, { uri: uri(), position: rangeOf(text, 'Tehran').start }],
      [ServerCommands.importBrat, { folder: brat }],
    ];
    try {
      for (const [command, argument] of writes) await assert.rejects(untrusted.executeCommand(command, argument), /not trusted/, command);
      // An edit moves annotations in memory only.
      await untrusted.change(uri(), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Edited. ' }]);
      await untrusted.executeCommand(ServerCommands.reanalyseWorkspace, {});
      await untrusted.corpusReady(5);
      assert.ok((await typesAt(untrusted, uri(), `Edited. ${text}`, 'Tehran')).includes('speaker'), 'the annotation follows the edit');
      await untrusted.stop();
      server = undefined;
      assert.deepEqual(snapshot(workspace), before, 'the untrusted workspace was written to');
    } finally {
      rmSync(brat, { recursive: true, force: true });
    }
  });
});
