import type { AnnotationKind } from '../../../common/protocol';
import type { Analysis } from '../engine/types';
import type { PlacedAnnotation } from './types';

/** One item of an article's (annotated) analysis, as the export formats write it. UTF-16 offsets. */
export interface ExportItem {
  kind: AnnotationKind;
  start: number;
  end: number;
  text: string;
  /** The entity a speaker or outlet mention names, an attribution's source, a quote's speaker. */
  name: string | null;
  /** Whether the user marked it or the engine found it. */
  origin: 'user' | 'engine';
}

const KIND_ORDER: readonly AnnotationKind[] = ['quote', 'attribution', 'speaker', 'outlet'];

/** Every item of an analysis (user annotations already applied), in text order. */
export function exportItems(analysis: Analysis, annotations: readonly PlacedAnnotation[] = []): ExportItem[] {
  const marked = (kind: AnnotationKind, start: number, end: number): boolean =>
    annotations.some(({ annotation, range }) => annotation.action === 'mark' && annotation.kind === kind && range?.start === start && range.end === end);
  const item = (kind: AnnotationKind, span: { start: number; end: number; text: string }, name: string | null): ExportItem => ({
    kind,
    start: span.start,
    end: span.end,
    text: span.text,
    name,
    origin: marked(kind, span.start, span.end) ? 'user' : 'engine',
  });
  const items = [
    ...analysis.quotes.map((quote) => item('quote', quote, quote.speaker)),
    ...analysis.attributions.map((attribution) => item('attribution', attribution, attribution.source)),
    ...analysis.speakers.flatMap((speaker) => speaker.mentions.map((mention) => item('speaker', mention, speaker.name))),
    ...analysis.outlets.flatMap((outlet) => outlet.mentions.map((mention) => item('outlet', mention, outlet.name))),
  ];
  return items.sort((a, b) => a.start - b.start || a.end - b.end || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}
