import * as vscode from 'vscode';
import type { CorpusClient } from './corpusClient';
import { SpeakersTreeProvider } from './speakersTree';

/** The "Speakers" view: the tree of speakers, with the provider's problems shown as the view's message. */
export class SpeakersView implements vscode.Disposable {
  static readonly viewId = 'articleLens.speakers';

  readonly provider: SpeakersTreeProvider;
  private readonly subscriptions: vscode.Disposable[];

  constructor(client: CorpusClient) {
    this.provider = new SpeakersTreeProvider(client);
    const view = vscode.window.createTreeView(SpeakersView.viewId, { treeDataProvider: this.provider, showCollapseAll: true });
    this.subscriptions = [view, this.provider, this.provider.onDidChangeMessage((message) => (view.message = message))];
  }

  refresh(): void {
    this.provider.refresh();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
