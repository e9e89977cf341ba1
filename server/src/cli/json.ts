import type { Analysis, Span } from '../engine/types';

/** The CLI's JSON, exactly the shape in the design ("The CLI's JSON"); tools outside the project read it. */
export interface AnalysisJson {
  version: 1;
  articles: ArticleJson[];
  links: LinkJson[];
}

export interface SpanJson {
  start: number;
  end: number;
  text: string;
}

export interface ArticleJson {
  file: string;
  quotes: QuoteJson[];
  speakers: MentionedJson[];
  outlets: MentionedJson[];
  attributions: AttributionJson[];
}

export interface QuoteJson extends SpanJson {
  id: string;
  speaker: string | null;
  source: SpanJson | null;
  cue: SpanJson | null;
}

export interface MentionedJson {
  name: string;
  mentions: SpanJson[];
}

export interface AttributionJson extends SpanJson {
  source: string;
  kind: 'outlet' | 'speaker' | 'unnamed';
  mention: SpanJson;
  cue: SpanJson;
}

export interface LinkJson {
  id: string;
  text: string;
  occurrences: LinkOccurrenceJson[];
  paraphrases: Array<SpanJson & { file: string }>;
}

export interface LinkOccurrenceJson {
  file: string;
  quote: string;
  start: number;
  end: number;
  match: 'exact' | 'partial';
}

/** Copies only the fields the JSON shape names, so engine-internal fields never leak out. */
export function articleJson(file: string, analysis: Analysis): ArticleJson {
  return {
    file,
    quotes: analysis.quotes.map((quote) => ({
      id: quote.id,
      ...spanJson(quote),
      speaker: quote.speaker,
      source: quote.source ? spanJson(quote.source) : null,
      cue: quote.cue ? spanJson(quote.cue) : null,
    })),
    speakers: analysis.speakers.map((speaker) => ({ name: speaker.name, mentions: speaker.mentions.map(spanJson) })),
    outlets: analysis.outlets.map((outlet) => ({ name: outlet.name, mentions: outlet.mentions.map(spanJson) })),
    attributions: analysis.attributions.map((attribution) => ({
      ...spanJson(attribution),
      source: attribution.source,
      kind: attribution.kind,
      mention: spanJson(attribution.mention),
      cue: spanJson(attribution.cue),
    })),
  };
}

function spanJson(span: Span): SpanJson {
  return { start: span.start, end: span.end, text: span.text };
}
