import * as vscode from 'vscode';
import { ClientCommands, type CorpusStatusParams } from '../../common/protocol';

/** A status bar item with the workspace corpus's counts, spinning while it indexes. */
export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('articleLens.corpus', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Article Lens Corpus';
    this.item.command = ClientCommands.showOutput;
  }

  update(status: CorpusStatusParams): void {
    if (status.articles === 0 && !status.indexing) {
      this.item.hide();
      return;
    }
    const icon = status.indexing ? '$(sync~spin)' : '$(quote)';
    this.item.text = `${icon} ${plural(status.articles, 'article')}, ${plural(status.linkedQuotes, 'linked quote')}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Article Lens corpus**${status.indexing ? ' (indexing…)' : ''}\n\n`);
    tooltip.appendMarkdown(`- ${status.articles} articles${status.skipped ? ` (${status.skipped} not analysed)` : ''}\n`);
    tooltip.appendMarkdown(`- ${status.speakers} speakers\n- ${status.quotes} quotes, ${status.linkedQuotes} carried by other articles too\n`);
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
