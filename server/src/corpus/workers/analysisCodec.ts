import type { Analysis, Attribution, AttributionKind, EntityKind, Outlet, Quote, QuoteStyle, Speaker, Span } from '../../engine';
import { prepareArticle, preparedArrays, preparedIn, type PreparedArticle } from '../matching/preparedArticle';
import { SharedBuffer } from '../matching/sharedBuffer';
import type { LaterQuotes } from '../matching/types';
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
  if (decodedFrom.get(analysis)?.text === text) return true;
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
  const known = decodedFrom.get(analysis);
  if (known) return known.encoded;
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
  /** Where the next value is read. */
  position = 0;

  /** The encoding's table of names and kinds: each is replaced by its shared equal (`shared`) the first time it is read, so a part never built never interns its names. */
  private readonly strings: string[];

  constructor(
    private readonly text: string,
    private readonly numbers: Int32Array,
    strings: readonly string[],
  ) {
    this.strings = strings as string[];
  }

  get done(): boolean {
    return this.position === this.numbers.length;
  }

  next(): number {
    if (this.position >= this.numbers.length) throw new Malformed();
    return this.numbers[this.position++] as number;
  }

  /** Whether the next value marks something absent (and if so, steps over it). */
  absent(width: 1 | 2): boolean {
    if (this.numbers[this.position] !== NONE || (width === 2 && this.numbers[this.position + 1] !== NONE)) return false;
    this.position += width;
    return true;
  }

  count(): number {
    const value = this.next();
    // Each item takes at least one number: a larger count cannot be honest, and would allocate for nothing.
    if (value < 0 || value > this.numbers.length - this.position) throw new Malformed();
    return value;
  }

  /** A name or kind from the table, shared with every equal one (`shared`). */
  string(): string {
    const index = this.next();
    const value = this.strings[index];
    if (typeof value !== 'string') throw new Malformed();
    const one = shared(value);
    if (one !== value) this.strings[index] = one;
    return one;
  }

  /** Checks a name's place in the table, building nothing. */
  skipString(): void {
    if (typeof this.strings[this.next()] !== 'string') throw new Malformed();
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

  /** Checks a quote as `decodeAnalysis` reads it, building nothing; the attribution it is credited to (NONE for none). */
  skipQuote(): number {
    this.bounds();
    this.skipString();
    this.oneOf(QUOTE_STYLES);
    if (!this.absent(1)) this.skipString();
    if (!this.absent(2)) this.bounds();
    if (!this.absent(2)) this.bounds();
    const attribution = this.attribution();
    this.continued();
    return attribution;
  }

  /** Checks a speaker as `decodeAnalysis` reads it, building nothing. */
  skipSpeaker(): void {
    this.skipString();
    this.oneOf(ENTITY_KINDS);
    for (let aliases = this.count(); aliases > 0; aliases--) this.skipString();
    for (let mentions = this.count(); mentions > 0; mentions--) this.bounds();
  }

  /** Checks an outlet as `decodeAnalysis` reads it, building nothing. */
  skipOutlet(): void {
    this.skipString();
    for (let mentions = this.count(); mentions > 0; mentions--) this.bounds();
  }

  /** Checks an attribution as `decodeAnalysis` reads it, building nothing. */
  skipAttribution(): void {
    this.bounds();
    this.skipString();
    this.oneOf(ATTRIBUTION_KINDS);
    this.bounds();
    this.bounds();
  }

  /** A quote's continuation flag. */
  continued(): boolean {
    const continued = this.next();
    if (continued !== 0 && continued !== 1) throw new Malformed();
    return continued === 1;
  }
}

/** Where an analysis was decoded from: its text, its encoding (its names shared as they are read), how many quotes it has, and where its speakers, outlets and attributions start. */
interface Decoding {
  readonly text: string;
  readonly encoded: EncodedAnalysis;
  readonly quoteCount: number;
  readonly speakersAt: number;
  readonly outletsAt: number;
  readonly attributionsAt: number;
}

/** The parts of an analysis, each built when first read, in the order they are encoded. */
type LaterPart = 'quotes' | 'speakers' | 'outlets' | 'attributions';

/**
 * Each decoded analysis with what it was decoded from. Analyses are never changed once made,
 * so encoding one again gives that encoding back, without building the parts not yet read.
 */
const decodedFrom = new WeakMap<Analysis, Decoding>();

/** Builds an analysis's objects from its encoding, one span object for each stretch of the text. */
class Decoder {
  // A speaker's mention is often an attribution's source and a quote's too. Nothing changes a
  // span once analysed, so one object can serve them all.
  private readonly spansAt = new Map<number, Span>();
  readonly reader: Reader;

  constructor(
    private readonly text: string,
    { numbers, strings }: EncodedAnalysis,
    known: Iterable<Span> = [],
  ) {
    this.reader = new Reader(text, numbers, strings);
    for (const span of known) this.spansAt.set(this.keyOf(span.start, span.end), span);
  }

  private keyOf(start: number, end: number): number {
    return start * (this.text.length + 1) + end;
  }

  span(): Span {
    this.reader.bounds();
    const { start, end } = this.reader;
    const key = this.keyOf(start, end);
    let known = this.spansAt.get(key);
    if (!known) {
      known = { start, end, text: shared(this.text.slice(start, end)) };
      this.spansAt.set(key, known);
    }
    return known;
  }

  list<T>(item: () => T): T[] {
    const items: T[] = [];
    // A loop rather than Array.from({ length }, item): V8 runs that generic path several times slower (10x in a micro-benchmark of short lists).
    for (let left = this.reader.count(); left > 0; left--) items.push(item());
    return items;
  }

  quote(): Quote {
    const reader = this.reader;
    reader.bounds();
    const { start, end } = reader;
    const id = reader.string();
    const style = reader.oneOf(QUOTE_STYLES);
    const speaker = reader.absent(1) ? null : reader.string();
    const source = reader.absent(2) ? null : this.span();
    const cue = reader.absent(2) ? null : this.span();
    const attribution = reader.attribution();
    return { start, end, text: this.text.slice(start, end), id, style, speaker, source, cue, attribution: attribution === NONE ? null : attribution, continued: reader.continued() };
  }

  speaker(): Speaker {
    return { name: this.reader.string(), kind: this.reader.oneOf(ENTITY_KINDS), aliases: this.list(() => this.reader.string()), mentions: this.list(() => this.span()) };
  }

  outlet(): Outlet {
    return { name: this.reader.string(), mentions: this.list(() => this.span()) };
  }

  attribution(): Attribution {
    const reader = this.reader;
    reader.bounds();
    const { start, end } = reader;
    return { start, end, text: shared(this.text.slice(start, end)), source: reader.string(), kind: reader.oneOf(ATTRIBUTION_KINDS), mention: this.span(), cue: this.span() };
  }
}

/**
 * The analysis `encoded` holds, its span texts sliced from `text`, or null when it cannot be
 * one of `text` (a damaged store entry): offsets outside the text, a count past the end, an
 * unknown kind, a quote credited to an attribution that is not there. Names, kinds and span
 * texts are shared across articles (`shared`).
 *
 * Each part (quotes, speakers, outlets, attributions) is built when first read, every value
 * checked now all the same: a warm start of thousands of articles reads none of them. Its quote
 * matcher is restored, and each article claims its record by fingerprint and quote count
 * (`quotesForMatching`); speakers are grouped across articles only when counted, and the counts of a
 * corpus seen before are remembered. Building the speakers, outlets and attributions at once was
 * two in five of the objects such a start kept; with the quotes built, decoding the analyses of
 * 5,000 stored articles took 66-80 ms, against 27-30 ms.
 */
export function decodeAnalysis(text: string, encoded: EncodedAnalysis): Analysis | null {
  const reader = new Reader(text, encoded.numbers, encoded.strings);
  try {
    const quoteCount = reader.count();
    let lastCredited = NONE;
    for (let left = quoteCount; left > 0; left--) lastCredited = Math.max(lastCredited, reader.skipQuote());
    const speakersAt = reader.position;
    for (let speakers = reader.count(); speakers > 0; speakers--) reader.skipSpeaker();
    const outletsAt = reader.position;
    for (let outlets = reader.count(); outlets > 0; outlets--) reader.skipOutlet();
    const attributionsAt = reader.position;
    const attributions = reader.count();
    for (let left = attributions; left > 0; left--) reader.skipAttribution();
    if (!reader.done || lastCredited >= attributions) return null;
    const analysis = Object.defineProperties({} as Analysis, BUILT_WHEN_READ);
    decodedFrom.set(analysis, { text, encoded, quoteCount, speakersAt, outletsAt, attributionsAt });
    return analysis;
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
}

/** Builds a part of a decoded analysis (checked when it was decoded: this cannot fail). */
function buildLater<K extends LaterPart>(analysis: Analysis, key: K): Analysis[K] {
  const { text, encoded, speakersAt, outletsAt, attributionsAt } = decodedFrom.get(analysis) as Decoding;
  // Listed before the decoder notes them: listing the spans of the parts before this one may build them.
  const known = key === 'quotes' ? [] : [...spansBefore(analysis, key)];
  const decoder = new Decoder(text, encoded, known);
  if (key === 'quotes') return decoder.list(() => decoder.quote()) as Analysis[K];
  if (key === 'speakers') {
    decoder.reader.position = speakersAt;
    return decoder.list(() => decoder.speaker()) as Analysis[K];
  }
  if (key === 'outlets') {
    decoder.reader.position = outletsAt;
    return decoder.list(() => decoder.outlet()) as Analysis[K];
  }
  decoder.reader.position = attributionsAt;
  return decoder.list(() => decoder.attribution()) as Analysis[K];
}

/** The spans of the parts encoded before `part`, one after the quotes (building them if not yet built). */
function* spansBefore(analysis: Analysis, part: Exclude<LaterPart, 'quotes'>): Generator<Span> {
  for (const { source, cue } of analysis.quotes) {
    if (source) yield source;
    if (cue) yield cue;
  }
  if (part === 'speakers') return;
  for (const { mentions } of analysis.speakers) yield* mentions;
  if (part === 'attributions') for (const { mentions } of analysis.outlets) yield* mentions;
}

/** Once built or set, a part is an ordinary property. */
function settle<K extends LaterPart>(analysis: Analysis, key: K, value: Analysis[K]): Analysis[K] {
  Object.defineProperty(analysis, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/** The same accessor functions on every decoded analysis: no closure per analysis, and V8 shares their shape. */
const BUILT_WHEN_READ: PropertyDescriptorMap = Object.fromEntries(
  (['quotes', 'speakers', 'outlets', 'attributions'] as const).map((key) => [
    key,
    {
      get(this: Analysis) {
        return settle(this, key, buildLater(this, key));
      },
      set(this: Analysis, value: Analysis[typeof key]) {
        settle(this, key, value);
      },
      enumerable: true,
      configurable: true,
    },
  ]),
);

/** How many quotes `analysis` has, without building them when it was decoded and they are not built yet. */
export function quoteCount(analysis: Analysis): number {
  return decodedFrom.get(analysis)?.quoteCount ?? analysis.quotes.length;
}

/** The quotes of `analysis` for the quote matcher: when it was decoded, to be built only if the matcher reads them (see LaterQuotes). */
export function quotesForMatching(analysis: Analysis): readonly Quote[] | LaterQuotes {
  const decoding = decodedFrom.get(analysis);
  return decoding ? { count: decoding.quoteCount, read: () => analysis.quotes } : analysis.quotes;
}

/**
 * An analysis as it travels from a worker: encoded whenever its span texts are slices of its
 * article, with the quote matcher's input when the worker prepared it (null: the receiver does).
 */
export type PortableAnalysedText =
  | { readonly encoded: EncodedAnalysis; readonly analysis: null; readonly matching: PreparedArticle | null }
  | { readonly encoded: null; readonly analysis: Analysis; readonly matching: PreparedArticle | null };

/** Its numbers travel in one buffer (see SharedBuffer), and stay in it on the other side. */
export function portableAnalysedText(text: string, analysis: Analysis, matching: PreparedArticle | null): PortableAnalysedText {
  const arrays = matching ? preparedArrays(matching) : [];
  if (!spanTextsAreSlices(text, analysis)) return { encoded: null, analysis, matching: matching && preparedIn(SharedBuffer.sizedFor(...arrays), matching) };
  const { numbers, strings } = encodeAnalysis(analysis);
  const space = SharedBuffer.sizedFor(numbers, ...arrays);
  return { encoded: { numbers: space.copyOf(numbers), strings }, analysis: null, matching: matching && preparedIn(space, matching) };
}

/**
 * The AnalysedText of `text` that `portable` holds (its matcher input prepared here if it came
 * without), or null when it cannot be one of `text`. Its speakers are built now: every worker's
 * analysis has them read (a scan's count groups them, an editor's sections are joined by them),
 * and built as each arrives they are not all built at once when a scan ends, the one moment
 * nothing else runs.
 */
export function restoredAnalysedText(text: string, portable: PortableAnalysedText): AnalysedText | null {
  const analysis = portable.encoded ? decodeAnalysis(text, portable.encoded) : portable.analysis;
  if (analysis && !speakersBuilt(analysis)) settle(analysis, 'speakers', buildLater(analysis, 'speakers'));
  return analysis && { analysis, matching: portable.matching ?? prepareArticle(text, analysis.quotes) };
}

/** Whether reading `analysis.speakers` builds nothing (it was decoded and they were not read yet: see decodeAnalysis). */
export function speakersBuilt(analysis: Analysis): boolean {
  return Object.getOwnPropertyDescriptor(analysis, 'speakers')?.get === undefined;
}
