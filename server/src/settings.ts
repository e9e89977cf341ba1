import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type ArticleLensSettings } from '../../common/protocol';

/**
 * Settings per document, asked of the client (`workspace/configuration`) and cached until
 * the configuration changes or the document closes.
 */
export class DocumentSettings {
  private readonly cache = new Map<string, Promise<ArticleLensSettings>>();
  private supported = false;

  constructor(private readonly connection: Connection) {}

  enable(clientSupportsConfiguration: boolean): void {
    this.supported = clientSupportsConfiguration;
  }

  get(uri: string): Promise<ArticleLensSettings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((value: Partial<ArticleLensSettings> | null) => ({ ...DEFAULT_SETTINGS, ...(value ?? {}) }));
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
