import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient/node';
import { ClientCommands, type DocumentStatusParams } from '../../common/protocol';

/**
 * The language status item: what the server found in the active article, or why it
 * skipped the file, and whether the server is running.
 */
export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly statuses = new Map<string, DocumentStatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private serverState: 'starting' | 'running' | 'stopped' = 'starting';

  constructor(selector: DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('articleLens.status', selector as vscode.DocumentSelector);
    this.item.name = 'Article Lens';
    this.item.command = { title: 'Show Output', command: ClientCommands.showOutput };
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.render()));
    this.render();
  }

  setServerState(state: 'starting' | 'running' | 'stopped'): void {
    this.serverState = state;
    this.render();
  }

  update(status: DocumentStatusParams): void {
    this.statuses.set(status.uri, status);
    this.render();
  }

  private render(): void {
    if (this.serverState !== 'running') {
      this.item.text = this.serverState === 'starting' ? '$(sync~spin) Article Lens starting' : '$(error) Article Lens stopped';
      this.item.severity = this.serverState === 'starting' ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Error;
      this.item.busy = this.serverState === 'starting';
      this.item.detail = this.serverState === 'stopped' ? 'The language server is not running: run "Article Lens: Restart Server".' : undefined;
      return;
    }
    this.item.busy = false;
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.statuses.get(uri) : undefined;
    if (!status) {
      this.item.text = 'Article Lens';
      this.item.detail = undefined;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    if (status.skipped) {
      this.item.text = `$(warning) Article Lens: not analysed`;
      this.item.detail = status.message ?? undefined;
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    const { speakers, quotes, outlets, attributions } = status.counts;
    this.item.text = `${speakers} speakers, ${quotes} quotes`;
    this.item.detail = `${outlets} outlets, ${attributions} attributions`;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
