import * as vscode from 'vscode';
import { countOf, plainLabel } from '../../../common/labels';
import {
  ClientCommands,
  CorpusStatusNotification,
  QuoteOccurrencesRequest,
  SpeakersRequest,
  type CorpusSpeaker,
  type LinkKind,
  type OpenLocationArgs,
  type QuoteOccurrence,
  type SpeakerQuote,
} from '../../../common/protocol';
import type { CorpusClient } from './corpusClient';
import { CorpusSettled } from './corpusSettled';

export type SpeakersTreeNode =
  | { kind: 'speaker'; speaker: CorpusSpeaker }
  | { kind: 'quote'; parent: SpeakersTreeNode & { kind: 'speaker' }; quote: SpeakerQuote }
  | { kind: 'occurrence'; parent: SpeakersTreeNode & { kind: 'quote' }; occurrence: QuoteOccurrence };

/** Distinct icons (and, for the inexact kinds, a word in the description) so kinds differ without colour. */
const OCCURRENCE_ICONS: Record<LinkKind, string> = { exact: 'quote', partial: 'ellipsis', paraphrase: 'comment' };
const LABEL_LENGTH = 80;

/**
 * The corpus's speakers (most quoted first), each with their quotes and every article that carries
 * each quote. Asks the server again whenever the corpus settles into a change (`CorpusSettled`),
 * and for a quote's places only when the quote is expanded: a widely carried quote has hundreds.
 */
export class SpeakersTreeProvider implements vscode.TreeDataProvider<SpeakersTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<SpeakersTreeNode | undefined>();
  private readonly messageEmitter = new vscode.EventEmitter<string | undefined>();
  private readonly subscriptions: { dispose(): void }[];
  private readonly settled = new CorpusSettled();

  readonly onDidChangeTreeData = this.changeEmitter.event;
  /** A problem to show above the tree (the view shows it as its message), or undefined when there is none. */
  readonly onDidChangeMessage = this.messageEmitter.event;

  constructor(private readonly client: CorpusClient) {
    this.subscriptions = [
      this.changeEmitter,
      this.messageEmitter,
      client.onNotification(CorpusStatusNotification, (status) => {
        if (this.settled.changed(status)) this.refresh();
      }),
    ];
  }

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  async getChildren(node?: SpeakersTreeNode): Promise<SpeakersTreeNode[]> {
    if (!node) return this.speakers();
    if (node.kind === 'speaker') return node.speaker.quotes.map((quote) => ({ kind: 'quote', parent: node, quote }));
    if (node.kind === 'quote') return this.occurrences(node);
    return [];
  }

  getParent(node: SpeakersTreeNode): SpeakersTreeNode | undefined {
    return node.kind === 'speaker' ? undefined : node.parent;
  }

  getTreeItem(node: SpeakersTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'speaker':
        return speakerItem(node.speaker);
      case 'quote':
        return quoteItem(node.quote);
      case 'occurrence':
        return occurrenceItem(node.occurrence);
    }
  }

  private async speakers(): Promise<SpeakersTreeNode[]> {
    return this.reporting('Could not list the speakers', async () => {
      const { speakers } = await this.client.sendRequest(SpeakersRequest);
      return [...speakers]
        .sort((a, b) => b.quotes.length - a.quotes.length || b.mentions - a.mentions || a.name.localeCompare(b.name))
        .map((speaker) => ({ kind: 'speaker', speaker }));
    });
  }

  private async occurrences(node: SpeakersTreeNode & { kind: 'quote' }): Promise<SpeakersTreeNode[]> {
    return this.reporting('Could not list where the quote stands', async () => {
      const occurrences = await this.client.sendRequest(QuoteOccurrencesRequest, node.quote.ref);
      return occurrences.map((occurrence) => ({ kind: 'occurrence', parent: node, occurrence }));
    });
  }

  /** A failed request shows as the view's message (and no nodes); a successful one clears it. */
  private async reporting(failure: string, nodes: () => Promise<SpeakersTreeNode[]>): Promise<SpeakersTreeNode[]> {
    try {
      const result = await nodes();
      this.messageEmitter.fire(undefined);
      return result;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.messageEmitter.fire(`${failure}: ${reason}`);
      return [];
    }
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}

function speakerItem(speaker: CorpusSpeaker): vscode.TreeItem {
  const collapsible = speaker.quotes.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(plainLabel(speaker.name), collapsible);
  item.iconPath = new vscode.ThemeIcon('person');
  item.description = `${countOf(speaker.quotes.length, 'quote')}, ${countOf(speaker.mentions, 'mention')}`;
  // Plain-string tooltips are not rendered as markdown, so article text stays text.
  item.tooltip = speaker.aliases.length > 0 ? `${speaker.name}\nAlso: ${speaker.aliases.join(', ')}` : speaker.name;
  item.contextValue = 'speaker';
  return item;
}

function quoteItem(quote: SpeakerQuote): vscode.TreeItem {
  const text = quote.text.length > LABEL_LENGTH ? `${quote.text.slice(0, LABEL_LENGTH - 1)}…` : quote.text;
  const item = new vscode.TreeItem(`“${plainLabel(text)}”`, vscode.TreeItemCollapsibleState.Collapsed);
  item.iconPath = new vscode.ThemeIcon('quote');
  item.description = `in ${countOf(quote.articles, 'article')}`;
  item.tooltip = quote.text;
  item.contextValue = 'quote';
  return item;
}

function occurrenceItem(occurrence: QuoteOccurrence): vscode.TreeItem {
  const line = occurrence.range.start.line + 1;
  const item = new vscode.TreeItem(plainLabel(occurrence.article), vscode.TreeItemCollapsibleState.None);
  const details = [occurrence.outlet, `line ${line}`, occurrence.kind === 'exact' ? undefined : occurrence.kind];
  item.description = plainLabel(details.filter((detail) => detail !== undefined && detail !== null).join(' · '));
  item.iconPath = new vscode.ThemeIcon(OCCURRENCE_ICONS[occurrence.kind] ?? 'question');
  const where = occurrence.outlet ? `${occurrence.article} (${occurrence.outlet})` : occurrence.article;
  item.tooltip = `${occurrence.kind} quote in ${where}, line ${line}`;
  item.accessibilityInformation = { label: item.tooltip, role: 'treeitem' };
  item.contextValue = `occurrence.${occurrence.kind}`;
  const target: OpenLocationArgs = { uri: occurrence.uri, range: occurrence.range };
  item.command = { title: 'Open Article at Quote', command: ClientCommands.openLocation, arguments: [target] };
  return item;
}
