import type { AttributionDraft } from './attributions';
import type { ArticleContext } from './context';
import labels from './data/labels.json';
import type { Entity } from './entities';
import { sentenceIndexAt } from './sentences';
import { resolveSource, type ResolvedSource } from './sources';
import type { Span } from './types';

const NOT_SPEAKERS = new Set(labels.notSpeakers);
// "WALLACE: …", "Pat Caddell: Democrat Voters …": a line opening with a short name and a colon.
const LINE_LABEL = /^[ \t"“]*((?:\p{Lu}[\p{L}.'’-]*[^\S\r\n]+){0,3}\p{Lu}[\p{L}.'’-]*)[^\S\r\n]*(:)[^\S\r\n]+(?=\S)/gmu;
const LINE_LABEL_AT = new RegExp(LINE_LABEL.source, 'muy');
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/g;

/** The matches of LINE_LABEL, as `matchAll` finds them: each opens a line, so only line starts are tried. */
function lineLabels(text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let searchFrom = 0;
  LINE_TERMINATOR.lastIndex = 0;
  for (let lineStart: number | null = 0; lineStart !== null; ) {
    const terminator = LINE_TERMINATOR.exec(text);
    const next = terminator === null ? null : terminator.index + 1;
    if (lineStart >= searchFrom) {
      LINE_LABEL_AT.lastIndex = lineStart;
      const match = LINE_LABEL_AT.exec(text);
      if (match !== null) {
        matches.push(match);
        searchFrom = match.index + match[0].length;
      }
    }
    lineStart = next;
  }
  return matches;
}

// "…hurting us.” ― Carlos Raúl": a dash after a closing quote signs the quote with a name ending the line.
const DASH_SIGNATURE = /[”"][^\S\r\n]*(―|—|–|--)[^\S\r\n]*((?:\p{Lu}[\p{L}.'’-]*[^\S\r\n]?){1,5})(?=[^\S\r\n]*[.,]?[^\S\r\n]*(?:\r?\n|$))/gu;

/**
 * Attributions written as layout rather than verbs: interview-transcript and headline labels
 * ("PENCE: …") and dash signatures after a quote ("” — Name"). Returns new drafts only.
 */
export function findLabelAttributions(context: ArticleContext, existing: readonly AttributionDraft[]): AttributionDraft[] {
  const drafts: AttributionDraft[] = [];
  const { text } = context;
  const taken = (start: number, end: number): boolean => existing.some((draft) => draft.attribution.start < end && draft.attribution.end > start);
  for (const match of lineLabels(text)) {
    const label = match[1] as string;
    if (label.split(/\s+/u).some((word) => NOT_SPEAKERS.has(word.toLowerCase().replace(/\.$/u, '')))) continue;
    const start = (match.index ?? 0) + match[0].indexOf(label);
    const colon = start + label.length + (match[0].slice(match[0].indexOf(label) + label.length).indexOf(':'));
    if (taken(start, colon + 1)) continue;
    const phrase: Span = { start, end: start + label.length, text: label };
    // A headline's "Topic: …" is no label; only somebody the article names elsewhere, or a transcript's capitals, is.
    if (!isAllCaps(label) && !namedElsewhere(context, phrase)) continue;
    drafts.push(draftOf(context, phrase, { start: colon, end: colon + 1, text: ':' }, resolveLabel(context, phrase), true));
  }
  for (const match of text.matchAll(DASH_SIGNATURE)) {
    const dash = match[1] as string;
    const name = (match[2] as string).trim();
    const dashStart = (match.index ?? 0) + match[0].indexOf(dash);
    const start = dashStart + match[0].slice(match[0].indexOf(dash) + dash.length).indexOf(name) + dash.length;
    if (/\(@/u.test(text.slice(start + name.length, start + name.length + 4)) || taken(dashStart, start + name.length)) continue;
    const phrase: Span = { start, end: start + name.length, text: name };
    drafts.push(draftOf(context, phrase, { start: dashStart, end: dashStart + dash.length, text: dash }, resolveLabel(context, phrase), false));
  }
  return drafts;
}

/** An all-caps transcript label ("PENCE") is the surname of somebody in the article, or a new person. */
function resolveLabel(context: ArticleContext, phrase: Span): ResolvedSource {
  if (!isAllCaps(phrase.text)) return resolveSource(context, phrase);
  const spoken = phrase.text.toLowerCase().replace(/(^|[\s'’-])\p{Ll}/gu, (letter) => letter.toUpperCase());
  const entity: Entity | null = context.registry.lookup(spoken, phrase.start, false) ?? context.registry.lookup(spoken, phrase.start, true);
  if (entity === null) return resolveSource(context, phrase);
  if (entity.kind === 'unknown') entity.kind = 'person';
  context.registry.mention(entity, phrase, spoken === entity.name ? 'name' : 'surname');
  return { kind: 'speaker', name: entity.name, entity };
}

function namedElsewhere(context: ArticleContext, phrase: Span): boolean {
  if (context.outlets.some((outlet) => outlet.mentions.some((mention) => mention.start < phrase.end && mention.end > phrase.start))) return true;
  const entity = context.registry.lookup(phrase.text, phrase.start, false);
  return entity !== null && entity.kind !== 'unknown' && entity.mentions.some((mention) => mention.end <= phrase.start || mention.start >= phrase.end);
}

function isAllCaps(word: string): boolean {
  return /^[\p{Lu}\s.'’-]+$/u.test(word) && /\p{Lu}{2}/u.test(word);
}

function draftOf(context: ArticleContext, phrase: Span, cue: Span, resolved: ResolvedSource, label: boolean): AttributionDraft {
  const start = Math.min(phrase.start, cue.start);
  const end = Math.max(phrase.end, cue.end);
  return {
    attribution: { start, end, text: context.text.slice(start, end), source: resolved.name, kind: resolved.kind, mention: phrase, cue },
    entity: resolved.entity,
    sentence: sentenceIndexAt(context.sentences, cue.start),
    ...(label ? { label: true } : {}),
  };
}
