import type { Analysis, Attribution, Outlet, Quote, Span, Speaker } from '../engine/types';
import type { PlacedAnnotation, TextRange, UserAnnotation } from './types';

type Placed = { annotation: UserAnnotation; range: TextRange };

/**
 * The engine's analysis with the user's annotations applied, the user winning wherever they
 * disagree: rejections remove what the engine found there, marks add (or replace) items. The
 * input is not modified.
 */
export function applyAnnotations(text: string, analysis: Analysis, annotations: readonly PlacedAnnotation[]): Analysis {
  const placed = annotations.filter((entry): entry is Placed => entry.range !== null);
  if (placed.length === 0) return analysis;
  let speakers: Speaker[] = analysis.speakers.map((speaker) => ({ ...speaker, mentions: [...speaker.mentions] }));
  let outlets: Outlet[] = analysis.outlets.map((outlet) => ({ ...outlet, mentions: [...outlet.mentions] }));
  let attributions: Attribution[] = [...analysis.attributions];
  // Quotes refer to attributions by index; keep the objects and renumber at the end.
  let quotes = analysis.quotes.map((quote) => ({
    ...quote,
    attributionItem: quote.attribution === null ? null : (analysis.attributions[quote.attribution] ?? null),
  }));
  const span = ({ start, end }: TextRange): Span => ({ start, end, text: text.slice(start, end) });
  const uncredit = (quote: (typeof quotes)[number]): (typeof quotes)[number] => ({ ...quote, speaker: null, source: null, cue: null, attributionItem: null });

  for (const { annotation, range } of placed.filter(({ annotation }) => annotation.action === 'reject')) {
    switch (annotation.kind) {
      case 'speaker':
      case 'outlet': {
        for (const entity of annotation.kind === 'speaker' ? speakers : outlets) entity.mentions = entity.mentions.filter((mention) => !sameItem(mention, range));
        const dropped = attributions.filter((attribution) => sameItem(attribution.mention, range));
        attributions = attributions.filter((attribution) => !dropped.includes(attribution));
        quotes = quotes.map((quote) => ((quote.source && sameItem(quote.source, range)) || (quote.attributionItem && dropped.includes(quote.attributionItem)) ? uncredit(quote) : quote));
        break;
      }
      case 'attribution': {
        const dropped = attributions.filter((attribution) => sameItem(attribution, range) || sameItem(attribution.cue, range));
        attributions = attributions.filter((attribution) => !dropped.includes(attribution));
        quotes = quotes.map((quote) => (quote.attributionItem && dropped.includes(quote.attributionItem) ? uncredit(quote) : quote));
        break;
      }
      case 'quote':
        quotes = quotes.filter((quote) => !sameItem(quote, range));
        break;
    }
  }

  let userQuotes = 0;
  for (const { annotation, range } of placed.filter(({ annotation }) => annotation.action === 'mark')) {
    const mention = span(range);
    switch (annotation.kind) {
      case 'speaker':
      case 'outlet': {
        // A stretch of text names one thing: the user's mark replaces whatever overlapped it.
        for (const entity of [...speakers, ...outlets]) entity.mentions = entity.mentions.filter((existing) => !overlaps(existing, range));
        const name = annotation.name ?? mention.text;
        if (annotation.kind === 'speaker') {
          const speaker = findEntity(speakers, name) ?? { name, kind: 'person' as const, aliases: [], mentions: [] };
          if (!speakers.includes(speaker)) speakers.push(speaker);
          speaker.mentions.push(mention);
          if (mention.text !== speaker.name && !speaker.aliases.includes(mention.text)) speaker.aliases = [...speaker.aliases, mention.text];
        } else {
          const outlet = findEntity(outlets, name) ?? { name, mentions: [] };
          if (!outlets.includes(outlet)) outlets.push(outlet);
          outlet.mentions.push(mention);
        }
        break;
      }
      case 'attribution': {
        attributions = attributions.filter((attribution) => !overlaps(attribution, range));
        attributions.push(userAttribution(mention, speakers, outlets, annotation.name));
        break;
      }
      case 'quote': {
        const replaced = quotes.find((quote) => sameItem(quote, range));
        const rest = quotes.filter((quote) => !overlaps(quote, range));
        const base = replaced ?? {
          id: `u${++userQuotes}`,
          style: 'double' as const,
          speaker: null,
          source: null,
          cue: null,
          attribution: null,
          continued: false,
          attributionItem: null,
        };
        rest.push({ ...base, ...mention, speaker: annotation.name ?? base.speaker });
        quotes = rest;
        break;
      }
    }
  }

  const byStart = <T extends { start: number }>(a: T, b: T): number => a.start - b.start;
  attributions.sort(byStart);
  const finalQuotes: Quote[] = quotes.sort(byStart).map(({ attributionItem, ...quote }) => {
    const index = attributionItem ? attributions.indexOf(attributionItem) : -1;
    return { ...quote, attribution: index >= 0 ? index : null };
  });
  for (const entity of [...speakers, ...outlets]) entity.mentions.sort(byStart);
  speakers = speakers.filter((speaker) => speaker.mentions.length > 0);
  outlets = outlets.filter((outlet) => outlet.mentions.length > 0);
  return { quotes: finalQuotes, speakers, outlets, attributions };
}

/**
 * Whether an item the engine found now is the one an annotation was made on: they overlap by
 * at least half of the shorter, so re-analysis that shifts a boundary a little still matches.
 */
export function sameItem(item: TextRange, range: TextRange): boolean {
  const overlap = Math.min(item.end, range.end) - Math.max(item.start, range.start);
  return overlap > 0 && overlap * 2 >= Math.min(item.end - item.start, range.end - range.start);
}

function overlaps(item: TextRange, range: TextRange): boolean {
  return item.start < range.end && range.start < item.end;
}

function findEntity<T extends { name: string; aliases?: string[] }>(entities: T[], name: string): T | undefined {
  const folded = name.toLowerCase();
  return (
    entities.find((entity) => entity.name.toLowerCase() === folded) ??
    entities.find((entity) => (entity.aliases ?? []).some((alias) => alias.toLowerCase() === folded))
  );
}

/** An attribution the user marked: its source is the speaker or outlet named inside it, if any. */
function userAttribution(span: Span, speakers: Speaker[], outlets: Outlet[], name: string | null): Attribution {
  const inside = (mention: Span): boolean => mention.start >= span.start && mention.end <= span.end;
  const speaker = speakers.find((candidate) => candidate.mentions.some(inside));
  const outlet = outlets.find((candidate) => candidate.mentions.some(inside));
  const entity = speaker ?? outlet;
  const mention = entity?.mentions.find(inside) ?? span;
  const cue = mention === span ? span : cueAround(span, mention);
  return {
    ...span,
    source: name ?? entity?.name ?? mention.text,
    kind: speaker ? 'speaker' : outlet ? 'outlet' : 'unnamed',
    mention,
    cue,
  };
}

/** The longer side of the attribution that is not the source mention: "said" in "Smith said". */
function cueAround(span: Span, mention: Span): Span {
  const before = { start: span.start, end: mention.start };
  const after = { start: mention.end, end: span.end };
  const side = after.end - after.start >= before.end - before.start ? after : before;
  const raw = span.text.slice(side.start - span.start, side.end - span.start);
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed.length === 0) return span;
  return { start: side.start + leading, end: side.start + leading + trimmed.length, text: trimmed };
}
