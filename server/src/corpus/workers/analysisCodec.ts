import type { Analysis, AttributionKind, EntityKind, Quote, QuoteStyle, Span } from '../../engine';
import type { PreparedArticle } from '../matching/preparedArticle';
import type { AnalysedText } from './analysisMessages';
import { shared } from './sharedStrings';

/**
 * An analysis as it crosses from a worker and persists: every offset, count and flag in one
 * array, every name and kind once in a table, and no span texts at all (they are slices of the
 * article's text, given back on decoding). Copying an object graph of hundreds of spans, then
 * building it again with its texts, cost the server's thread more than the few arrays this
 * takes; decoding builds each object once, in its final form.
 */
export interface EncodedAnalysis {
  readonly numbers: Int32Array;
  readonly strings: readonly string[];
}

const NONE = -1;
const QUOTE_STYLES: readonly QuoteStyle[] = ['double', 'single', 'post'];
const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organization'];
const ATTRIBUTION_KINDS: readonly AttributionKind[] = ['outlet', 'speaker', 'unnamed'];

/** Whether every span's text is its stretch of `text`: only then can the analysis be encoded. */
export function spanTextsAreSlices(text: string, analysis: Analysis): boolean {
  const isSlice = (span: Span | null): boolean => span === null || span.text === text.slice(span.start, span.end);
  return (
    analysis.quotes.every((quote) => isSlice(quote) && isSlice(quote.source) && isSlice(quote.cue)) &&
    analysis.speakers.every((speaker) => speaker.mentions.every(isSlice)) &&
    analysis.outlets.every((outlet) => outlet.mentions.every(isSlice)) &&
    analysis.attributions.every((attribution) => isSlice(attribution) && isSlice(attribution.mention) && isSlice(attribution.cue))
  );
}

/** Only for analyses whose span texts are slices of their article (`spanTextsAreSlices`). */
export function encodeAnalysis(analysis: Analysis): EncodedAnalysis {
  const numbers: number[] = [];
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const string = (value: string): void => {
    let index = indexes.get(value);
    if (index === undefined) {
      index = strings.push(value) - 1;
      indexes.set(value, index);
    }
    numbers.push(index);
  };
  const span = (value: Span | null): void => {
    if (value === null) numbers.push(NONE, NONE);
    else numbers.push(value.start, value.end);
  };
  const spans = (values: readonly Span[]): void => {
    numbers.push(values.length);
    values.forEach(span);
  };
  numbers.push(analysis.quotes.length);
  for (const quote of analysis.quotes) {
    span(quote);
    string(quote.id);
    numbers.push(QUOTE_STYLES.indexOf(quote.style));
    if (quote.speaker === null) numbers.push(NONE);
    else string(quote.speaker);
    span(quote.source);
    span(quote.cue);
    numbers.push(quote.attribution ?? NONE, quote.continued ? 1 : 0);
  }
  numbers.push(analysis.speakers.length);
  for (const speaker of analysis.speakers) {
    string(speaker.name);
    numbers.push(ENTITY_KINDS.indexOf(speaker.kind), speaker.aliases.length);
    speaker.aliases.forEach(string);
    spans(speaker.mentions);
  }
  numbers.push(analysis.outlets.length);
  for (const outlet of analysis.outlets) {
    string(outlet.name);
    spans(outlet.mentions);
  }
  numbers.push(analysis.attributions.length);
  for (const attribution of analysis.attributions) {
    span(attribution);
    string(attribution.source);
    numbers.push(ATTRIBUTION_KINDS.indexOf(attribution.kind));
    span(attribution.mention);
    span(attribution.cue);
  }
  return { numbers: Int32Array.from(numbers), strings };
}

/** Thrown by the reader at anything an encoder could not have written; `decodeAnalysis` answers null. */
class Malformed extends Error {}

/** Reads an encoding in order, checking each value against what an encoder could have written. */
class Reader {
  /** The stretch `bounds` read last: two fields rather than a pair, as thousands of articles have hundreds of spans each. */
  start = 0;
  end = 0;
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly numbers: Int32Array,
    private readonly strings: readonly string[],
  ) {}

  get done(): boolean {
    return this.at === this.numbers.length;
  }

  next(): number {
    if (this.at >= this.numbers.length) throw new Malformed();
    return this.numbers[this.at++] as number;
  }

  /** Whether the next value marks something absent (and if so, steps over it). */
  absent(width: 1 | 2): boolean {
    if (this.numbers[this.at] !== NONE || (width === 2 && this.numbers[this.at + 1] !== NONE)) return false;
    this.at += width;
    return true;
  }

  count(): number {
    const value = this.next();
    // Each item takes at least one number: a larger count cannot be honest, and would allocate for nothing.
    if (value < 0 || value > this.numbers.length - this.at) throw new Malformed();
    return value;
  }

  /** A name or kind from the table, shared with every equal one (`shared`). */
  string(): string {
    const value = this.strings[this.next()];
    if (typeof value !== 'string') throw new Malformed();
    return value;
  }

  oneOf<T>(values: readonly T[]): T {
    const value = values[this.next()];
    if (value === undefined) throw new Malformed();
    return value;
  }

  bounds(): void {
    this.start = this.next();
    this.end = this.next();
    if (this.start < 0 || this.end < this.start || this.end > this.text.length) throw new Malformed();
  }

  /** A quote's attribution index, NONE when nobody is credited. */
  attribution(): number {
    const attribution = this.next();
    if (attribution < NONE) throw new Malformed();
    return attribution;
  }

  /** A quote's continuation flag. */
  continued(): boolean {
    const continued = this.next();
    if (continued !== 0 && continued !== 1) throw new Malformed();
    return continued === 1;
  }
}

/**
 * The analysis `encoded` holds, its span texts sliced from `text`, or null when it cannot be
 * one of `text` (a damaged store entry): offsets outside the text, a count past the end, an
 * unknown kind, a quote credited to an attribution that is not there. Names, kinds and span
 * texts are shared across articles (`shared`).

 */
export function decodeAnalysis(text: string, encoded: EncodedAnalysis): Analysis | null {
  const reader = new Reader(text, encoded.numbers, encoded.strings);
  // One object for every span of the same stretch: a speaker's mention is often an attribution's
  // source and a quote's too. Nothing changes a span once analysed, so they can be shared.
  const spansAt = new Map<number, Span>();
  const span = (): Span => {
    reader.bounds();
    const { start, end } = reader;
    const key = start * (text.length + 1) + end;
    let known = spansAt.get(key);
    if (!known) {
      known = { start, end, text: shared(text.slice(start, end)) };
      spansAt.set(key, known);
    }
    return known;
  };
  const spans = (): Span[] => Array.from({ length: reader.count() }, span);
  const name = (): string => shared(reader.string());
  const quote = (): Quote => {
    reader.bounds();
    const { start, end } = reader;
    const id = name();
    const style = reader.oneOf(QUOTE_STYLES);
    const speaker = reader.absent(1) ? null : name();
    const source = reader.absent(2) ? null : span();
    const cue = reader.absent(2) ? null : span();
    const attribution = reader.attribution();
    return { start, end, text: text.slice(start, end), id, style, speaker, source, cue, attribution: attribution === NONE ? null : attribution, continued: reader.continued() };
  };
  try {
    const analysis: Analysis = {
      quotes: Array.from({ length: reader.count() }, quote),
      speakers: Array.from({ length: reader.count() }, () => ({ name: name(), kind: reader.oneOf(ENTITY_KINDS), aliases: Array.from({ length: reader.count() }, name), mentions: spans() })),
      outlets: Array.from({ length: reader.count() }, () => ({ name: name(), mentions: spans() })),
      attributions: Array.from({ length: reader.count() }, () => {
        reader.bounds();
        const { start, end } = reader;
        return { start, end, text: shared(text.slice(start, end)), source: name(), kind: reader.oneOf(ATTRIBUTION_KINDS), mention: span(), cue: span() };
      }),
    };
    const attributions = analysis.attributions.length;
    const linked = analysis.quotes.every((quote) => quote.attribution === null || quote.attribution < attributions);
    return reader.done && linked ? analysis : null;
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
}

/** An AnalysedText as it travels from a worker: encoded whenever its span texts are slices of its article. */
export type PortableAnalysedText =
  | { readonly encoded: EncodedAnalysis; readonly analysis: null; readonly matching: PreparedArticle }
  | { readonly encoded: null; readonly analysis: Analysis; readonly matching: PreparedArticle };

export function portableAnalysedText(text: string, { analysis, matching }: AnalysedText): PortableAnalysedText {
  return spanTextsAreSlices(text, analysis) ? { encoded: encodeAnalysis(analysis), analysis: null, matching } : { encoded: null, analysis, matching };
}

/** The AnalysedText of `text` that `portable` holds, or null when it cannot be one of `text`. */
export function restoredAnalysedText(text: string, portable: PortableAnalysedText): AnalysedText | null {
  const analysis = portable.encoded ? decodeAnalysis(text, portable.encoded) : portable.analysis;
  return analysis && { analysis, matching: portable.matching };
}
