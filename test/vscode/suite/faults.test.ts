import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CloseAction } from 'vscode-languageclient/node';
import { MAX_RESTARTS, ServerCrashHandler, type CrashNotice } from '../../../client/src/serverCrashes';
import { LANGUAGE_ID, ServerCommands } from '../../../common/protocol';
import { documentSemanticTokens, type DecodedToken } from '../support/semanticTokens';
import { waitFor } from '../support/waitFor';
import { workspaceFile } from '../support/workspaceFile';

const EXTENSION_ID = 'article-lens.article-lens';
/** 003 quotes "harsh retaliation", which 001 carries too: its hover proves the workspace index is there. */
const ARTICLE = '003_9657c7c9ccc2eae3.txt';
const PHRASE = 'harsh retaliation';

/**
 * The language server is a child of this extension host (vscode-languageclient forks it over IPC):
 * find it among this process's children by its script. Linux's /proc, where these tests run.
 */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // Field 4 of /proc/PID/stat is the parent pid; the command name (field 2) may hold spaces, so read after its ')'.
      const stat = readFileSync(join('/proc', entry, 'stat'), 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const commandLine = readFileSync(join('/proc', entry, 'cmdline'), 'utf8').split('\0');
      if (commandLine.some((arg) => arg.endsWith(join('dist', 'server.js')))) pids.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return pids;
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const text = hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
  return text === '' ? undefined : text;
}

/** The first capitalised word nothing colours: marking it as a speaker shows the user's annotation. */
function uncolouredWord(document: vscode.TextDocument, tokens: DecodedToken[]): vscode.Range {
  const text = document.getText();
  for (const match of text.matchAll(/\b\p{Lu}\p{Ll}{3,}\b/gu)) {
    const range = new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + match[0].length));
    if (!tokens.some((token) => token.range.intersection(range) !== undefined)) return range;
  }
  throw new Error('every capitalised word is coloured already');
}

const speakerAt = (tokens: DecodedToken[], range: vscode.Range): boolean => tokens.some((token) => token.type === 'speaker' && token.range.isEqual(range));

describe('faults: the language server is killed', function () {
  this.timeout(60_000);

  after(() => rmSync(`${workspaceFile(ARTICLE).fsPath}.annotations.json`, { force: true }));

  it('restarts the server, and highlighting, hovers, the workspace index and the user\'s annotations come back', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();
    const document = await vscode.workspace.openTextDocument(workspaceFile(ARTICLE));
    await vscode.window.showTextDocument(document);
    await waitFor(`${ARTICLE} to open as "${LANGUAGE_ID}"`, () => (document.languageId === LANGUAGE_ID ? true : undefined));
    const offset = document.getText().indexOf(PHRASE);
    assert.ok(offset >= 0, `"${PHRASE}" is not in ${ARTICLE}`);
    const position = document.positionAt(offset + 2);
    // Linked across articles: the hover names another article, so the index is loaded.
    const linkedHover = (): Promise<string | undefined> =>
      hoverText(document, position).then((text) => (text && /Also in \d+ other article/.test(text) ? text : undefined));

    const engineTokens = await waitFor('semantic tokens before the kill', () => documentSemanticTokens(document), 45_000);
    await waitFor('a hover listing the other articles that carry the quote', linkedHover, 30_000);
    // A user annotation (saved in the sidecar file) that the restarted server must read back.
    const marked = uncolouredWord(document, engineTokens);
    const range = { start: { line: marked.start.line, character: marked.start.character }, end: { line: marked.end.line, character: marked.end.character } };
    await vscode.commands.executeCommand(ServerCommands.markSpeaker, { uri: document.uri.toString(), range });
    const before = await waitFor(`the marked speaker "${document.getText(marked)}"`, async () => {
      const tokens = await documentSemanticTokens(document);
      return tokens && speakerAt(tokens, marked) ? tokens : undefined;
    });
    const [pid, ...others] = await waitFor('the language server process', () => {
      const pids = serverPids();
      return pids.length > 0 ? pids : undefined;
    });
    assert.deepEqual(others, [], `more than one server process: ${[pid, ...others].join(', ')}`);

    process.kill(pid!, 'SIGKILL');
    await waitFor(`server ${pid} to be gone`, () => (serverPids().includes(pid!) ? undefined : true));

    const restarted = await waitFor('a new language server process', () => serverPids().find((candidate) => candidate !== pid), 30_000);
    assert.notEqual(restarted, pid);
    const after = await waitFor('semantic tokens with the marked speaker after the restart', async () => {
      const tokens = await documentSemanticTokens(document);
      return tokens && speakerAt(tokens, marked) ? tokens : undefined;
    }, 45_000);
    assert.deepEqual(
      after.map((token) => [token.type, token.text]),
      before.map((token) => [token.type, token.text]),
      'the restarted server colours the article differently',
    );
    const hover = await waitFor('the linked-quote hover after the restart', linkedHover, 30_000);
    assert.match(hover, /001_737dabe0ebce7f11/, 'the hover should name article 001, which carries the quote too');
  });
});

describe('faults: repeated server crashes', () => {
  it('restarts after each of four crashes within three minutes, telling the user, and stops at the fifth', () => {
    const notices: CrashNotice[] = [];
    let clock = 0;
    const handler = new ServerCrashHandler((notice) => notices.push(notice), () => clock);
    for (let crash = 1; crash <= MAX_RESTARTS; crash++) {
      clock += 10_000;
      assert.equal(handler.closed().action, CloseAction.Restart, `crash ${crash}`);
    }
    clock += 10_000;
    const fifth = handler.closed();
    assert.equal(fifth.action, CloseAction.DoNotRestart);
    assert.match(fifth.message ?? '', /Restart Server/);
    assert.deepEqual(notices.map((notice) => notice.final), [false, false, false, false, true]);
    assert.ok(notices.every((notice) => /Article Lens server stopped/.test(notice.message)));
    // Crashes older than three minutes no longer count.
    clock += 3 * 60_000 + 1;
    assert.equal(handler.closed().action, CloseAction.Restart);
  });
});
