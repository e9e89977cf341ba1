import { memoized } from './memoized';
import { foldName, samePerson, surname } from './nameVariants';
import type { Analysis, Attribution, Outlet, Quote, Span, Speaker } from './types';

/** The analysis of one section, with offsets relative to the section, and where the section starts. */
export interface SectionAnalysis {
  offset: number;
  analysis: Analysis;
}

/**
 * One analysis of the whole text from the analyses of its sections, in order: offsets shifted,
 * quotes numbered anew, outlets and speakers of the same name merged. A lone surname credited
 * in one section ("Clinton") becomes the one full name that ends in it elsewhere ("Hillary
 * Clinton"), as the whole text's analysis would have resolved it. Never changes its input.
 */
export function joinSections(parts: readonly SectionAnalysis[]): Analysis {
  if (parts.length === 1 && parts[0]?.offset === 0) return parts[0].analysis;
  const quotes: Quote[] = [];
  const attributions: Attribution[] = [];
  const outlets = new Map<string, Span[]>();
  const speakerParts: Speaker[] = [];
  for (const { offset, analysis } of parts) {
    const section = shiftedSection(analysis, offset);
    const attributionBase = attributions.length;
    attributions.push(...section.attributions);
    analysis.quotes.forEach((quote, index) => {
      const { source, cue } = section.quoteParts[index] as ShiftedSection['quoteParts'][number];
      quotes.push({
        ...quote,
        start: quote.start + offset,
        end: quote.end + offset,
        id: `q${quotes.length + 1}`,
        source,
        cue,
        attribution: quote.attribution === null ? null : quote.attribution + attributionBase,
      });
    });
    analysis.outlets.forEach((outlet, index) => {
      const mentions = outlets.get(outlet.name) ?? [];
      mentions.push(...(section.outletMentions[index] as Span[]));
      outlets.set(outlet.name, mentions);
    });
    analysis.speakers.forEach((speaker, index) => speakerParts.push({ ...speaker, mentions: section.speakerMentions[index] as Span[] }));
  }
  const people = new PeopleAcrossSections(speakerParts);
  const canonical = (name: string, kind: string): string => (kind === 'person' ? people.canonical(name) : name);
  for (const quote of quotes) if (quote.speaker !== null) quote.speaker = people.canonical(quote.speaker);
  for (const [index, attribution] of attributions.entries()) {
    if (attribution.kind === 'speaker') attributions[index] = { ...attribution, source: people.canonical(attribution.source) };
  }
  return {
    quotes,
    speakers: mergeSpeakers(speakerParts, canonical),
    outlets: [...outlets].map(([name, mentions]): Outlet => ({ name, mentions })),
    attributions,
  };
}

/** A section's spans where the section stands in the whole text; the joined analysis must not change them. */
interface ShiftedSection {
  readonly offset: number;
  readonly attributions: readonly Attribution[];
  readonly quoteParts: readonly { source: Span | null; cue: Span | null }[];
  readonly outletMentions: readonly (readonly Span[])[];
  readonly speakerMentions: readonly Span[][];
}

/**
 * The last shift of each section's analysis, kept as long as the analysis is. A keystroke in a
 * long article moves only the sections after it: the ones before keep their offsets, and their
 * spans need not be built again (nor promoted again by the collector, at a keystroke's pace).
 */
const shiftedSections = new WeakMap<Analysis, ShiftedSection>();

function shiftedSection(analysis: Analysis, offset: number): ShiftedSection {
  const known = shiftedSections.get(analysis);
  if (known?.offset === offset) return known;
  const section: ShiftedSection = {
    offset,
    attributions: analysis.attributions.map((attribution) => shiftAttribution(attribution, offset)),
    quoteParts: analysis.quotes.map((quote) => ({ source: quote.source && shift(quote.source, offset), cue: quote.cue && shift(quote.cue, offset) })),
    outletMentions: analysis.outlets.map((outlet) => outlet.mentions.map((mention) => shift(mention, offset))),
    speakerMentions: analysis.speakers.map((speaker) => speaker.mentions.map((mention) => shift(mention, offset))),
  };
  shiftedSections.set(analysis, section);
  return section;
}

function shift<T extends Span>(span: T, offset: number): T {
  return { ...span, start: span.start + offset, end: span.end + offset };
}

function shiftAttribution(attribution: Attribution, offset: number): Attribution {
  return { ...shift(attribution, offset), mention: shift(attribution.mention, offset), cue: shift(attribution.cue, offset) };
}

interface Person {
  name: string;
  mentions: number[];
}

/**
 * The people of all sections, each name taken for a person it can name: full names first
 * ("Donald Trump" and "Donald J. Trump" are one, under the longer), then lone names
 * ("Trump"), each to the fitting person mentioned last before it, else first after it, as the
 * whole-text analysis resolves a name once every full name is known.
 */
class PeopleAcrossSections {
  // Two spellings of one surname begin alike (see `sameSpelling`): only people whose surnames share the initial are compared.
  private readonly bySurnameInitial = new Map<string, Person[]>();
  private readonly byName = new Map<string, Person>();

  constructor(speakers: readonly Speaker[]) {
    const persons = speakers.filter((speaker) => speaker.kind === 'person');
    for (const speaker of persons) if (wordCount(speaker.name) > 1) this.addFullName(speaker);
    for (const speaker of persons) if (wordCount(speaker.name) === 1) this.addLoneName(speaker);
  }

  private peopleLike(name: string): Person[] {
    return this.bySurnameInitial.get(surnameInitial(name)) ?? [];
  }

  canonical(name: string): string {
    return this.byName.get(name)?.name ?? name;
  }

  private addFullName(speaker: Speaker): void {
    const person = this.byName.get(speaker.name) ?? this.peopleLike(speaker.name).find((candidate) => samePerson(speaker.name, candidate.name));
    const starts = speaker.mentions.map((mention) => mention.start);
    if (!person) {
      const created = { name: speaker.name, mentions: starts };
      const bucket = this.bySurnameInitial.get(surnameInitial(speaker.name));
      if (bucket) bucket.push(created);
      else this.bySurnameInitial.set(surnameInitial(speaker.name), [created]);
      this.byName.set(speaker.name, created);
      return;
    }
    if (wordCount(speaker.name) > wordCount(person.name)) person.name = speaker.name;
    person.mentions.push(...starts);
    this.byName.set(speaker.name, person);
  }

  private addLoneName(speaker: Speaker): void {
    const at = speaker.mentions[0]?.start ?? 0;
    let best: { person: Person; distance: number } | null = null;
    for (const person of this.peopleLike(speaker.name)) {
      if (!samePerson(speaker.name, person.name)) continue;
      const distance = distanceFrom(person.mentions, at);
      if (!best || distance < best.distance) best = { person, distance };
    }
    if (best) this.byName.set(speaker.name, best.person);
  }
}

/** How far back the nearest mention at or before `at` is; mentions only after it count as farther than any before. */
function distanceFrom(mentions: readonly number[], at: number): number {
  let before = Number.MAX_SAFE_INTEGER;
  let after = Number.MAX_SAFE_INTEGER;
  for (const start of mentions) {
    if (start <= at) before = Math.min(before, at - start);
    else after = Math.min(after, start - at);
  }
  return before < Number.MAX_SAFE_INTEGER ? before : Number.MAX_SAFE_INTEGER / 2 + Math.min(after, Number.MAX_SAFE_INTEGER / 2);
}

// Asked for every person of every section, each keystroke in a long article.
const surnameInitial = memoized((name: string): string => foldName(surname(name).split(' ').pop() ?? '').charAt(0));

function wordCount(name: string): number {
  let count = 1;
  for (let at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) count += 1;
  return count;
}

function mergeSpeakers(parts: readonly Speaker[], canonical: (name: string, kind: string) => string): Speaker[] {
  const merged = new Map<string, { name: string; kind: Speaker['kind']; aliases: Set<string>; mentions: Span[] }>();
  for (const part of parts) {
    const name = canonical(part.name, part.kind);
    const key = `${part.kind}\u0000${name}`;
    const entry = merged.get(key) ?? { name, kind: part.kind, aliases: new Set<string>(), mentions: [] };
    for (const alias of part.aliases) entry.aliases.add(alias);
    if (part.name !== name) entry.aliases.add(part.name);
    entry.mentions.push(...part.mentions);
    merged.set(key, entry);
  }
  return [...merged.values()]
    .map((entry): Speaker => ({
      name: entry.name,
      kind: entry.kind,
      aliases: [...entry.aliases].filter((alias) => alias !== entry.name).sort(),
      mentions: inOrder(entry.mentions) ? entry.mentions : entry.mentions.sort((a, b) => a.start - b.start || a.end - b.end),
    }))
    .sort((a, b) => (a.mentions[0]?.start ?? Number.MAX_SAFE_INTEGER) - (b.mentions[0]?.start ?? Number.MAX_SAFE_INTEGER) || (a.name < b.name ? -1 : 1));
}

/** Whether the mentions are already sorted, as those of one name in one section after another are: sorting allocates even then. */
function inOrder(mentions: readonly Span[]): boolean {
  for (let index = 1; index < mentions.length; index++) {
    const previous = mentions[index - 1] as Span;
    const mention = mentions[index] as Span;
    if (previous.start > mention.start || (previous.start === mention.start && previous.end > mention.end)) return false;
  }
  return true;
}
