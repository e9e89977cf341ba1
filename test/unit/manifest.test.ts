import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ClientCommands, DEFAULT_SETTINGS, LANGUAGE_ID, SETTINGS_SECTION, TOKEN_MODIFIERS, TOKEN_TYPES } from '../../common/protocol';

const root = resolve(__dirname, '../../..');

interface Manifest {
  main: string;
  activationEvents: string[];
  engines: { vscode: string };
  contributes: {
    languages: { id: string; configuration: string; filenamePatterns: string[] }[];
    grammars: { language: string; scopeName: string; path: string }[];
    semanticTokenTypes: { id: string }[];
    semanticTokenModifiers: { id: string }[];
    semanticTokenScopes: { language: string; scopes: Record<string, string[]> }[];
    configuration: { title: string; properties: Record<string, { default: unknown }> }[];
    configurationDefaults: Record<string, Record<string, unknown>>;
    commands: { command: string; title: string; category: string }[];
  };
}

const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as Manifest;
const { contributes } = manifest;
// Modifiers every VS Code knows without a contribution.
const STANDARD_MODIFIERS = ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'];

describe('the manifest agrees with the code', () => {
  it('contributes the language the code serves, with its grammar and configuration files', () => {
    assert.deepEqual(contributes.languages.map((language) => language.id), [LANGUAGE_ID]);
    assert.ok(manifest.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
    const [language] = contributes.languages;
    assert.ok(existsSync(resolve(root, language!.configuration)));
    assert.deepEqual(language!.filenamePatterns, DEFAULT_SETTINGS.include);
    for (const grammar of contributes.grammars) {
      const file = JSON.parse(readFileSync(resolve(root, grammar.path), 'utf8')) as { scopeName: string };
      assert.equal(file.scopeName, grammar.scopeName);
      assert.equal(grammar.language, LANGUAGE_ID);
    }
  });

  it('contributes exactly the token types of the legend, and a scope for each', () => {
    assert.deepEqual(contributes.semanticTokenTypes.map((type) => type.id), [...TOKEN_TYPES]);
    for (const modifier of contributes.semanticTokenModifiers) assert.ok((TOKEN_MODIFIERS as readonly string[]).includes(modifier.id), modifier.id);
    for (const modifier of TOKEN_MODIFIERS) {
      assert.ok(STANDARD_MODIFIERS.includes(modifier) || contributes.semanticTokenModifiers.some((entry) => entry.id === modifier), `${modifier} is not contributed`);
    }
    const scopes = contributes.semanticTokenScopes.find((entry) => entry.language === LANGUAGE_ID)?.scopes ?? {};
    for (const type of TOKEN_TYPES) assert.ok(scopes[type]?.length, `no scope for ${type}`);
    for (const selector of Object.keys(scopes)) {
      const [type, ...modifiers] = selector.split('.');
      assert.ok((TOKEN_TYPES as readonly string[]).includes(type!), selector);
      for (const modifier of modifiers) assert.ok((TOKEN_MODIFIERS as readonly string[]).includes(modifier), selector);
    }
  });

  it('contributes a setting for every field the server reads, with the same defaults', () => {
    const properties = Object.assign({}, ...contributes.configuration.map((section) => section.properties)) as Record<string, { default: unknown }>;
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      assert.deepEqual(properties[`${SETTINGS_SECTION}.${key}`]?.default, value, key);
    }
    assert.ok(properties[`${SETTINGS_SECTION}.trace.server`], 'the language client reads articleLens.trace.server');
    for (const section of contributes.configuration) assert.ok(section.title.length > 0);
    assert.equal(contributes.configurationDefaults[`[${LANGUAGE_ID}]`]?.['editor.wordWrap'], 'on');
  });

  it('contributes every client command, in the Article Lens category, and no other', () => {
    const contributed = contributes.commands.map((command) => command.command).sort();
    assert.deepEqual(contributed, Object.values(ClientCommands).sort());
    for (const command of contributes.commands) assert.equal(command.category, 'Article Lens');
  });

  it('points main at the client bundle and admits VS Code 1.100', () => {
    assert.equal(manifest.main, './dist/client.js');
    assert.match(manifest.engines.vscode, /^\^1\.(100|9\d)\./);
  });
});
