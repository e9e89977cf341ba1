import type { AttributionDraft } from './attributions';
import { charClass, hasSurrogate, LETTER, NUMBER } from './charClasses';
import type { ArticleContext } from './context';
import type { Entity } from './entities';
import type { QuoteSpan } from './quotes';
import { sentenceIndexAt } from './sentences';
import type { Quote, Span } from './types';
import { packedMap } from './packedMap';

/** A quote with the entity it was credited to, before the speakers list is made. */
export interface CreditedQuote {
  quote: Quote;
  entity: Entity | null;
}

const HANDLE = /\(?\s*(@\w{1,30})\s*\)?/u;

/** Credits every quote: its own sentence's attribution, else the quote it continues, else nobody. */
export function creditQuotes(context: ArticleContext, spans: readonly QuoteSpan[], drafts: readonly AttributionDraft[]): CreditedQuote[] {
  const credited: CreditedQuote[] = [];
  for (const [index, span] of spans.entries()) {
    const quote: Quote = {
      id: `q${index + 1}`,
      start: span.start,
      end: span.end,
      text: span.text,
      style: span.style,
      continued: span.continued,
      speaker: null,
      source: null,
      cue: null,
      attribution: null,
    };
    const entry: CreditedQuote = { quote, entity: null };
    if (span.style === 'post') creditPost(context, span, entry);
    else creditFromSentence(context, span, drafts, entry, credited);
    credited.push(entry);
  }
  shareCreditOfSameWords(credited);
  return credited;
}

function creditPost(context: ArticleContext, span: QuoteSpan, entry: CreditedQuote): void {
  const signature = span.signature;
  if (!signature) return;
  const handle = HANDLE.exec(signature.text);
  const nameEnd = handle ? handle.index : signature.text.search(/\s(?:\p{Lu}\p{Ll}+\s+\d|\d)/u);
  const raw = signature.text.slice(0, nameEnd > 0 ? nameEnd : signature.text.length);
  const leading = raw.length - raw.trimStart().replace(/^[—–-]\s*/u, '').length;
  const name = raw.slice(leading).trim();
  if (name === '') return;
  const source: Span = { start: signature.start + leading, end: signature.start + leading + name.length, text: name };
  const entity = context.registry.lookup(name, source.start, true);
  if (!entity) return;
  context.registry.mention(entity, source, 'name');
  if (name !== entity.name) entity.aliases.add(name);
  if (handle) {
    const at = signature.start + handle.index + (handle[0].indexOf('@'));
    entity.aliases.add(handle[1] as string);
    context.registry.mention(entity, { start: at, end: at + (handle[1] as string).length, text: handle[1] as string }, 'handle');
  }
  entry.entity = entity;
  entry.quote.speaker = entity.name;
  entry.quote.source = source;
}

function creditFromSentence(context: ArticleContext, span: QuoteSpan, drafts: readonly AttributionDraft[], entry: CreditedQuote, earlier: readonly CreditedQuote[]): void {
  const first = sentenceIndexAt(context.sentences, span.start);
  const last = sentenceIndexAt(context.sentences, Math.max(span.start, span.end - 1));
  let best: { index: number; distance: number; outlet: boolean; rank: number } | null = null;
  for (const [index, draft] of drafts.entries()) {
    if (draft.sentence < first || draft.sentence > last) continue;
    const { attribution } = draft;
    // A transcript label opening the quote ("“PENCE: Well, …") names its speaker.
    if (draft.label && attribution.start >= span.start && attribution.start - span.start <= 2) {
      best = { index, distance: -1, outlet: false, rank: 0 };
      break;
    }
    if (attribution.start < span.end && attribution.end > span.start) continue;
    if (isEmbedded(context, draft, drafts)) continue;
    const distance = attribution.start >= span.end ? attribution.start - span.end : span.start - attribution.end;
    // Rank: a named speaker, then an unnamed source, then an outlet that only relays the words.
    const outlet = attribution.kind === 'outlet';
    const rank = attribution.kind === 'speaker' ? 0 : outlet ? 2 : 1;
    const bestRank: number = best === null ? 3 : best.rank;
    if (best === null || rank < bestRank || (rank === bestRank && distance < best.distance)) best = { index, distance, outlet, rank };
  }
  if (best !== null) {
    const draft = drafts[best.index] as AttributionDraft;
    entry.quote.attribution = best.index;
    entry.quote.source = draft.attribution.mention;
    entry.quote.cue = draft.attribution.cue;
    entry.entity = draft.entity;
    entry.quote.speaker = draft.attribution.kind === 'unnamed' ? null : draft.attribution.source;
    return;
  }
  const introduced = introducingAttribution(context, first, drafts);
  if (introduced !== null) {
    const draft = drafts[introduced] as AttributionDraft;
    entry.quote.attribution = introduced;
    entry.quote.source = draft.attribution.mention;
    entry.quote.cue = draft.attribution.cue;
    entry.entity = draft.entity;
    entry.quote.speaker = draft.attribution.kind === 'unnamed' ? null : draft.attribution.source;
    return;
  }
  if (span.text.trim().split(/\s+/u).length <= 2) return;
  const previous = earlier[earlier.length - 1];
  if (!previous || previous.quote.style === 'post') return;
  const previousSentence = sentenceIndexAt(context.sentences, Math.max(previous.quote.start, previous.quote.end - 1));
  const adjacent = span.continued || first - previousSentence <= 1;
  if (!adjacent) return;
  entry.entity = previous.entity;
  entry.quote.speaker = previous.quote.speaker;
  entry.quote.source = previous.quote.source;
  entry.quote.cue = previous.quote.cue;
  entry.quote.attribution = previous.quote.attribution;
}

/** "Demonstrators said they want “…”": an attribution inside another's reported clause does not own the sentence's quotes. */
function isEmbedded(context: ArticleContext, draft: AttributionDraft, drafts: readonly AttributionDraft[]): boolean {
  return drafts.some(
    (outer) =>
      outer !== draft &&
      outer.sentence === draft.sentence &&
      outer.attribution.cue.end <= draft.attribution.start &&
      /^\s*(?:that\s+)?$/u.test(context.text.slice(outer.attribution.cue.end, draft.attribution.start)),
  );
}

/** "Caddell continued:" ending the sentence before the quote's introduces it. */
function introducingAttribution(context: ArticleContext, sentenceIndex: number, drafts: readonly AttributionDraft[]): number | null {
  const before = context.sentences[sentenceIndex - 1];
  if (!before || !/:\s*$/u.test(context.text.slice(before.start, before.end))) return null;
  let found: number | null = null;
  for (const [index, draft] of drafts.entries()) {
    if (draft.sentence === sentenceIndex - 1 && draft.attribution.kind !== 'outlet' && before.end - draft.attribution.end <= 3) found = index;
  }
  return found;
}

/** The same words quoted twice in one article are one utterance: an uncredited copy takes the credited one's speaker. */
function shareCreditOfSameWords(credited: readonly CreditedQuote[]): void {
  // Words are compared only between a credited and an uncredited quote.
  if (!credited.some((entry) => entry.quote.speaker === null) || credited.every((entry) => entry.quote.speaker === null)) return;
  const byWords = new Map<string, CreditedQuote>();
  const keys = packedMap(credited, (entry) => wordsOf(entry.quote.text));
  credited.forEach((entry, index) => {
    const key = keys[index] as string;
    if (entry.quote.speaker !== null && key !== '' && !byWords.has(key)) byWords.set(key, entry);
  });
  for (const [index, entry] of credited.entries()) {
    if (entry.quote.speaker !== null) continue;
    const match = byWords.get(keys[index] as string);
    if (!match) continue;
    entry.quote.speaker = match.quote.speaker;
    entry.entity = match.entity;
  }
}

const NON_WORD_RUN = /[^\p{L}\p{N}]+/gu;
const WORD_UNIT = LETTER | NUMBER;

/**
 * The quote's letters and digits in lowercase, each run of other characters made one space, none
 * at either end. Read by hand: the pattern's classes cost a table search for every character of
 * every quote (1.4 % of the engine's time over the bench's articles).
 */
function wordsOf(text: string): string {
  const lower = text.toLowerCase();
  if (hasSurrogate(lower)) return lower.replace(NON_WORD_RUN, ' ').trim();
  const words: string[] = [];
  let at = 0;
  while (at < lower.length) {
    while (at < lower.length && (charClass(lower.charCodeAt(at)) & WORD_UNIT) === 0) at += 1;
    const start = at;
    while (at < lower.length && (charClass(lower.charCodeAt(at)) & WORD_UNIT) !== 0) at += 1;
    if (at > start) words.push(lower.slice(start, at));
  }
  return words.join(' ');
}
