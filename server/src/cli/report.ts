import type { Analysis, Quote } from '../engine/types';
import type { Palette } from './palette';

const QUOTE_WIDTH = 72;

/** The human-readable report of one article: speakers with their quotes, outlets, attributions. */
export function formatReport(file: string, analysis: Analysis, paint: Palette): string {
  const lines = [paint.heading(file)];
  lines.push(...speakerSection(analysis, paint), ...outletSection(analysis, paint), ...attributionSection(analysis, paint));
  return lines.join('\n');
}

function speakerSection(analysis: Analysis, paint: Palette): string[] {
  const quotesBySpeaker = new Map<string | null, Quote[]>();
  for (const quote of analysis.quotes) {
    const list = quotesBySpeaker.get(quote.speaker) ?? [];
    list.push(quote);
    quotesBySpeaker.set(quote.speaker, list);
  }
  const lines = [`  ${paint.heading(`Speakers (${analysis.speakers.length})`)}`];
  const named = new Set<string>();
  for (const speaker of analysis.speakers) {
    named.add(speaker.name);
    lines.push(`    ${paint.speaker(speaker.name)} ${paint.dim(`(${plural(speaker.mentions.length, 'mention')})`)}`);
    lines.push(...quoteLines(quotesBySpeaker.get(speaker.name) ?? [], paint));
  }
  // Quotes credited to a name the speaker list lacks still belong in the report.
  for (const [name, quotes] of quotesBySpeaker) {
    if (name === null || named.has(name)) continue;
    lines.push(`    ${paint.speaker(name)}`, ...quoteLines(quotes, paint));
  }
  const uncredited = quotesBySpeaker.get(null) ?? [];
  if (uncredited.length > 0) lines.push(`    ${paint.dim('(nobody credited)')}`, ...quoteLines(uncredited, paint));
  if (analysis.speakers.length === 0 && analysis.quotes.length === 0) lines.push(`    ${paint.dim('none found')}`);
  return lines;
}

function quoteLines(quotes: readonly Quote[], paint: Palette): string[] {
  return quotes.map((quote) => `      ${paint.dim(quote.id)} ${paint.quote(`“${shorten(quote.text, QUOTE_WIDTH)}”`)}`);
}

function outletSection(analysis: Analysis, paint: Palette): string[] {
  const lines = [`  ${paint.heading(`Outlets (${analysis.outlets.length})`)}`];
  for (const outlet of analysis.outlets) {
    lines.push(`    ${paint.outlet(outlet.name)} ${paint.dim(`(${plural(outlet.mentions.length, 'mention')})`)}`);
  }
  if (analysis.outlets.length === 0) lines.push(`    ${paint.dim('none found')}`);
  return lines;
}

function attributionSection(analysis: Analysis, paint: Palette): string[] {
  const lines = [`  ${paint.heading(`Attributions (${analysis.attributions.length})`)}`];
  for (const attribution of analysis.attributions) {
    const source = attribution.kind === 'outlet' ? paint.outlet(attribution.source) : paint.speaker(attribution.source);
    const cue = paint.cue(oneLine(attribution.cue.text));
    lines.push(`    ${source} ${paint.dim(`[${attribution.kind}]`)} ${cue} ${paint.dim(`— ${shorten(attribution.text, QUOTE_WIDTH)}`)}`);
  }
  if (analysis.attributions.length === 0) lines.push(`    ${paint.dim('none found')}`);
  return lines;
}

/** One line of at most `width` characters, cut at a word boundary when there is one nearby. */
export function shorten(text: string, width: number): string {
  const flat = oneLine(text);
  if (flat.length <= width) return flat;
  const cut = flat.slice(0, width - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > width / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
