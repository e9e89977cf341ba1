import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { ClientCommands, LANGUAGE_ID } from '../../../common/protocol';
import { documentSemanticTokens } from '../support/semanticTokens';
import { waitFor } from '../support/waitFor';
import { workspaceFile } from '../support/workspaceFile';

const EXTENSION_ID = 'article-lens.article-lens';
const HOSTILE = '[run](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `tick` $(zap)';

describe('hostile article text in a real VS Code hover', function () {
  this.timeout(60_000);
  const file = workspaceFile('hostile-text.txt');

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(file, { useTrash: false });
  });

  it('hands VS Code a hover that trusts only this extension’s command, with HTML and icons off', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();
    const text = `“${HOSTILE} is what we were promised,” said Mayor Maria Lopez.\n`;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    await waitFor(`hostile-text.txt to open as "${LANGUAGE_ID}"`, () => (document.languageId === LANGUAGE_ID ? true : undefined));
    await waitFor('semantic tokens', () => documentSemanticTokens(document), 45_000);

    const hovers = await waitFor('a hover on the quote', async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(text.indexOf('promised')));
      return found.length > 0 ? found : undefined;
    });
    const contents = hovers.flatMap((hover) => hover.contents).filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
    assert.ok(contents.length > 0, 'the hover holds no markdown');
    for (const markdown of contents) {
      assert.deepEqual(markdown.isTrusted, { enabledCommands: [ClientCommands.openLocation] }, 'only the openLocation command may run from a hover');
      assert.ok(!markdown.supportHtml, 'HTML is rendered in hovers');
      assert.ok(!markdown.supportThemeIcons, 'theme icons are rendered in hovers');
      assert.ok(!markdown.value.includes('](command:workbench'), `the article's link survives: ${markdown.value}`);
      assert.ok(!/(?<!\\)\$\(zap\)/.test(markdown.value), `the article's icon survives: ${markdown.value}`);
    }
  });
});
