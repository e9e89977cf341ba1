/** A stretch of the article: UTF-16 code-unit offsets, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** How a quote is delimited in the text. */
export type QuoteStyle = 'double' | 'single' | 'post';

/** Words presented as somebody's own (annotation guide, "Quote"). `start`/`end` cover the inner text. */
export interface Quote extends Span {
  id: string;
  style: QuoteStyle;
  /** Canonical name of the speaker, or null when nobody is credited. */
  speaker: string | null;
  /** The source as written (may be a pronoun or a role). */
  source: Span | null;
  /** The reporting cue ("said", "according to"). */
  cue: Span | null;
  /** Index of the attribution that credits this quote, when there is one. */
  attribution: number | null;
  /** True when the quote continues the previous paragraph's quote (open mark, no close). */
  continued: boolean;
}

export type EntityKind = 'person' | 'organization';

/** A person or organisation credited with words, with every mention that refers to it. */
export interface Speaker {
  name: string;
  kind: EntityKind;
  aliases: string[];
  mentions: Span[];
}

/** A news organisation named in the text. */
export interface Outlet {
  name: string;
  mentions: Span[];
}

export type AttributionKind = 'outlet' | 'speaker' | 'unnamed';

/** Source mention plus reporting cue; the span runs from the first to the last of them. */
export interface Attribution extends Span {
  source: string;
  kind: AttributionKind;
  mention: Span;
  cue: Span;
}

export interface Analysis {
  quotes: Quote[];
  speakers: Speaker[];
  outlets: Outlet[];
  attributions: Attribution[];
}

export interface AnalyzeOptions {
  /** Skip compromise (used by tests that exercise the regex layers alone). */
  readonly withoutNlp?: boolean;
}
