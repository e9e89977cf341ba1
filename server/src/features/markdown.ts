import { ClientCommands, type OpenLocationArgs } from '../../../common/protocol';

// Everything Markdown, VS Code's theme icons ($(name)) or HTML could read as syntax.
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+\-.!|<>$~&:"']/g;

/** Article text as literal Markdown: no links, emphasis, HTML, icons or command URIs survive. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(MARKDOWN_SYNTAX, (character) => `\\${character}`);
}

/** A link that opens an article at a range, through this extension's own command only. */
export function openLocationLink(label: string, target: OpenLocationArgs): string {
  const args = encodeURIComponent(JSON.stringify([target]));
  return `[${escapeMarkdown(label)}](command:${ClientCommands.openLocation}?${args} "Open at this quote")`;
}

/** Shortens text for a hover line, at a word boundary. */
export function excerpt(text: string, maxLength = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.lastIndexOf(' ', maxLength);
  return `${flat.slice(0, cut > maxLength / 2 ? cut : maxLength)}…`;
}
