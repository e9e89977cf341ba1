import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../../common/protocol';
import { documentSemanticTokens, type DecodedToken } from '../support/semanticTokens';
import { waitFor } from '../support/waitFor';
import { workspaceFile } from '../support/workspaceFile';

const ARTICLE = '000_198c190caa6527b1.txt';

function describeTokens(tokens: DecodedToken[], type: string): string {
  return JSON.stringify(tokens.filter((token) => token.type === type).map((token) => token.text));
}

describe('semantic tokens in a real VS Code', () => {
  let document: vscode.TextDocument;
  let tokens: DecodedToken[];

  before(async function () {
    this.timeout(60_000);
    document = await vscode.workspace.openTextDocument(workspaceFile(ARTICLE));
    await vscode.window.showTextDocument(document);
    await waitFor(`${ARTICLE} to get language "${LANGUAGE_ID}" (it has "${document.languageId}")`, () =>
      document.languageId === LANGUAGE_ID ? true : undefined,
    );
    tokens = await waitFor('semantic tokens from the Article Lens server', () => documentSemanticTokens(document), 45_000);
  });

  it('marks Bill de Blasio as a speaker', () => {
    const speakers = tokens.filter((token) => token.type === 'speaker');
    assert.ok(
      speakers.some((token) => token.text.includes('de Blasio')),
      `no speaker token on "de Blasio"; speakers: ${describeTokens(tokens, 'speaker')}`,
    );
  });

  for (const outlet of ['New York Times', 'NBC News']) {
    it(`marks ${outlet} as an outlet`, () => {
      assert.ok(
        tokens.some((token) => token.type === 'outlet' && token.text.includes(outlet)),
        `no outlet token on "${outlet}"; outlets: ${describeTokens(tokens, 'outlet')}`,
      );
    });
  }

  it("marks Trump's tweet about Iran as a quote", () => {
    const text = document.getText();
    const phrase = 'never lost a negotiation';
    const covered: number[] = [];
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      const range = new vscode.Range(document.positionAt(at), document.positionAt(at + phrase.length));
      if (tokens.some((token) => token.type === 'quote' && token.range.contains(range))) covered.push(at);
    }
    assert.ok(covered.length > 0, `no quote token covers "${phrase}"; quotes: ${describeTokens(tokens, 'quote')}`);
  });
});
