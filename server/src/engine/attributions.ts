import type { ArticleContext } from './context';
import { insideQuote } from './context';
import type { CueMatch } from './cues';
import { reportsHere } from './cueUse';
import { insideReportedClause } from './reportedClause';
import type { Entity } from './entities';
import { isPersonRole } from './roles';
import { sentenceIndexAt, type Sentence } from './sentences';
import { phraseAfter, phraseBefore } from './sourcePhrase';
import { resolveSource, type ResolvedSource } from './sources';
import { commonNounAfter, commonNounBefore, nounBefore, quantifierBefore, stretchAfter, subjectStretch, withoutAuxiliaries } from './unnamedSubjects';
import type { Attribution, Span } from './types';

/** An attribution with what the rest of the analysis needs to know about it. */
export interface AttributionDraft {
  attribution: Attribution;
  entity: Entity | null;
  sentence: number;
  /** A "NAME:" label opening a line: it credits the quote it opens. */
  label?: boolean;
}

// Looked up by code unit: a pattern tried on each character walked back from every cue was the hottest line of the search (about 1 % of the engine).
const CLAUSE_BREAKS = new Set([...'"“”«»:;()[]—–'].map((mark) => mark.charCodeAt(0)));

/** Builds one attribution per reporting cue whose source can be found (annotation guide, "Attribution"). */
export function findAttributions(context: ArticleContext, cues: readonly CueMatch[]): AttributionDraft[] {
  const drafts: AttributionDraft[] = [];
  let lastEnd = -1;
  for (const cue of [...cues].sort((a, b) => a.start - b.start)) {
    if (cue.start < lastEnd || insideQuote(context, cue.start, cue.end)) continue;
    // "said, adding": one source with two cues in a row is one attribution, ending at the first.
    if (lastEnd >= 0 && /^\s*,?\s*(?:and\s+)?$/u.test(context.text.slice(lastEnd, cue.start))) continue;
    const sentenceIndex = sentenceIndexAt(context.sentences, cue.start);
    const sentence = context.sentences[sentenceIndex];
    if (!sentence || cue.end > sentence.end + 1) continue;
    if (/^\s+to\s+(?:be|have)\b/u.test(context.text.slice(cue.end, cue.end + 12))) continue;
    if (cue.form === 'verb' && !reportsHere(context.text, cue)) continue;
    const outer = drafts[drafts.length - 1];
    // Only after the outer source: in "Speaking to Fox News he said" the words between are that source.
    const outerCueEnd = outer?.attribution.cue.end ?? -1;
    if (outer && outer.sentence === sentenceIndex && outer.attribution.mention.start < outerCueEnd && insideReportedClause(context.text, outerCueEnd, cue.start)) continue;
    const found = locateSource(context, cue, sentence, drafts);
    if (found === null) continue;
    const resolved = found.resolved ?? resolveSource(context, found.phrase);
    if (resolved.entity) context.pronouns.noteSubject(resolved.entity, found.phrase.start);
    const start = Math.min(found.spanStart, cue.start);
    const end = Math.max(found.phrase.end, cue.end);
    drafts.push({
      attribution: {
        start,
        end,
        text: context.text.slice(start, end),
        source: resolved.name,
        kind: resolved.kind,
        mention: found.phrase,
        cue: { start: cue.start, end: cue.end, text: cue.text },
      },
      entity: resolved.entity,
      sentence: sentenceIndex,
    });
    lastEnd = cue.end;
  }
  return drafts;
}

interface LocatedSource {
  phrase: Span;
  /** Where the attribution's span starts: the phrase, or an earlier title or appositive. */
  spanStart: number;
  /** Already resolved (a coordinated verb reuses its sentence's source). */
  resolved: ResolvedSource | null;
}

function locateSource(context: ArticleContext, cue: CueMatch, sentence: Sentence, drafts: readonly AttributionDraft[]): LocatedSource | null {
  const { text } = context;
  if (cue.form === 'according' || cue.form === 'passive') {
    const after = sourceAfter(context, cue.end, sentence.end) ?? commonNounAfter(text, cue.end, sentence.end) ?? stretchAfter(text, cue.end, sentence.end);
    return after ? { phrase: after, spanStart: cue.start, resolved: null } : null;
  }
  const clauseStart = clauseStartBefore(text, sentence.start, cue.start);
  const before = phraseBefore(text, clauseStart, cue.start);
  if (before && !insideQuote(context, before.start, before.end)) return { phrase: before, spanStart: before.start, resolved: null };
  const relative = relativeAntecedent(context, clauseStart, cue.start);
  if (relative) return relative;
  const lead = withoutAuxiliaries(text.slice(sentence.start, cue.start));
  if (/,$/u.test(lead)) {
    const chained = appositiveChain(context, sentence, lead.length + sentence.start - 1);
    if (chained && chained.resolved?.kind === 'speaker') return chained;
  }
  const inverted = lead === '' || /[,"”’'»]$/u.test(lead);
  const after = phraseAfter(text, cue.end, sentence.end);
  if (after && inverted && !insideQuote(context, after.start, after.end)) {
    return { phrase: after, spanStart: cue.start, resolved: null };
  }
  const sameSentence = drafts.filter((draft) => context.sentences[draft.sentence] === sentence && draft.attribution.end <= cue.start);
  const previous = sameSentence[sameSentence.length - 1];
  // A second verb of the same subject ("…and vowed", "…, saying", "by telling") speaks for that subject.
  const sharesSubject = COORDINATED.test(lead) || (/ing$/iu.test(cue.text) && (/,$/u.test(lead) || PARTICIPLE_PREPOSITION.test(lead)));
  if (sharesSubject) {
    if (previous && previous.attribution.kind !== 'outlet' && !RELATIVE_PRONOUN.test(previous.attribution.mention.text)) {
      const { attribution, entity } = previous;
      return { phrase: attribution.mention, spanStart: attribution.mention.start, resolved: { kind: attribution.kind, name: attribution.source, entity } };
    }
    const subject = phraseAfter(text, sentence.start, cue.start);
    if (subject && subject.start - sentence.start < 3 && !insideQuote(context, subject.start, subject.end)) return { phrase: subject, spanStart: subject.start, resolved: null };
    const named = firstNamedBefore(context, sentence, cue.start);
    if (named) return { phrase: named, spanStart: named.start, resolved: null };
  }
  const common = commonNounBefore(text, clauseStart, cue.start) ?? quantifierBefore(text, clauseStart, cue.start) ?? subjectStretch(text, clauseStart, cue);
  if (common) {
    // "the New York businessman said": a role noun may still name somebody; other common nouns stay unnamed.
    const head = common.text.split(/\s+/u).pop() ?? '';
    const resolved = isPersonRole(head) ? null : { kind: 'unnamed' as const, name: common.text, entity: null };
    return { phrase: common, spanStart: common.start, resolved };
  }
  const commonAfter = inverted ? commonNounAfter(text, cue.end, sentence.end) : null;
  if (commonAfter) return { phrase: commonAfter, spanStart: cue.start, resolved: { kind: 'unnamed', name: commonAfter.text, entity: null } };
  // "said 9/11 widow Terry Strada": an inverted cue's subject runs to the end of the clause.
  const stretch = inverted && cue.form !== 'phrase' && lead !== '' && !/ing$/iu.test(cue.text) ? stretchAfter(text, cue.end, sentence.end) : null;
  if (stretch && !insideQuote(context, stretch.start, stretch.end)) return { phrase: stretch, spanStart: cue.start, resolved: null };
  if (/,$/u.test(lead)) return appositiveChain(context, sentence, lead.length + sentence.start - 1);
  // "a Donald Trump tweet attacking …", "video surfaced showing …": a participle right after a noun describes it.
  const described = /ing$/iu.test(cue.text) ? nounBefore(text, clauseStart, cue.start) : null;
  return described ? { phrase: described, spanStart: described.start, resolved: { kind: 'unnamed', name: described.text, entity: null } } : null;
}

const COORDINATED = /(?:^|\s)(?:and|but|or|then)$/iu;
const PARTICIPLE_PREPOSITION = /(?:^|\s)(?:by|after|before|while|when|without|in|from|for|of|about|despite|since|upon|through|besides)$/iu;
const RELATIVE = /(?:^|\s)(?:who|which)$/iu;
// A relative clause ("an architect who said …") is embedded: its source is nobody else's subject.
const RELATIVE_PRONOUN = /^(?:who|which)$/iu;

/** "On Thursday, Trump spoke …, promising": the first person or organisation named in the sentence before the cue. */
function firstNamedBefore(context: ArticleContext, sentence: Sentence, before: number): Span | null {
  let first: Span | null = null;
  for (const entity of context.registry.entities) {
    if (entity.kind === 'unknown') continue;
    for (const mention of entity.mentions) {
      if (mention.how !== 'name' && mention.how !== 'surname') continue;
      if (mention.start < sentence.start || mention.end > before || insideQuote(context, mention.start, mention.end)) continue;
      if (first === null || mention.start < first.start) first = { start: mention.start, end: mention.end, text: mention.text };
    }
  }
  return first;
}

/** "Mr. Kamin, who emphasized": the relative pronoun speaks for the noun phrase it follows. */
function relativeAntecedent(context: ArticleContext, clauseStart: number, cueStart: number): LocatedSource | null {
  const { text } = context;
  const lead = withoutAuxiliaries(text.slice(clauseStart, cueStart));
  const relative = RELATIVE.exec(lead);
  if (!relative) return null;
  const pronounStart = clauseStart + relative.index + relative[0].length - relative[0].trimStart().length;
  const antecedentEnd = clauseStart + text.slice(clauseStart, pronounStart).replace(/[\s,]+$/u, '').length;
  const antecedent = phraseBefore(text, clauseStart, antecedentEnd);
  // The relative pronoun is the source as written; it stands for its antecedent, as "he" would.
  const pronoun: Span = { start: pronounStart, end: pronounStart + relative[0].trim().length, text: relative[0].trim() };
  if (!antecedent || insideQuote(context, antecedent.start, antecedent.end)) return { phrase: pronoun, spanStart: pronoun.start, resolved: { kind: 'unnamed', name: pronoun.text, entity: null } };
  const resolved = resolveSource(context, antecedent);
  if (resolved.entity) context.registry.mention(resolved.entity, pronoun, 'pronoun');
  return { phrase: pronoun, spanStart: antecedent.start, resolved };
}

/** After "according to" or "by": the phrase right there, or the first outlet or name a few words on ("a statement from the Pentagon"). */
function sourceAfter(context: ArticleContext, from: number, to: number): Span | null {
  const { text } = context;
  const skipBy = /^\s*by\b/u.exec(text.slice(from, from + 6));
  const start = skipBy ? from + skipBy[0].length : from;
  const direct = withTrailingNoun(text, phraseAfter(text, start, to), to);
  if (direct && resolvesToSomebody(context, direct)) return direct;
  const window = text.slice(start, Math.min(to, start + 60));
  const lead = /^\s*(?:an?|the)\s+(?:\w+\s+){0,3}?(?:from|by|of|with)\s+/iu.exec(window);
  if (lead) {
    const later = phraseAfter(text, start + lead[0].length - 1, to);
    if (later) return later;
  }
  return direct;
}

/** "Iraqi television reports": a name that only modifies a common noun takes the noun along. */
function withTrailingNoun(text: string, phrase: Span | null, to: number): Span | null {
  if (phrase === null) return null;
  const trailing = /^(?:\s+\p{Ll}[\p{L}\-]*){1,3}/u.exec(text.slice(phrase.end, to));
  if (!trailing || /^\s+(?:that|who|which|and|or|but|in|on|at|to|for|of|from|with|as|is|was|are|were|has|had|have|said|says|the|a|an)\b/u.test(trailing[0])) return phrase;
  const end = phrase.end + trailing[0].length;
  return { start: phrase.start, end, text: text.slice(phrase.start, end) };
}

function resolvesToSomebody(context: ArticleContext, phrase: Span): boolean {
  if (context.outlets.some((outlet) => outlet.mentions.some((mention) => mention.start < phrase.end && mention.end > phrase.start))) return true;
  return /\p{Lu}/u.test(phrase.text) || !/^(?:an?|the)\s+(?:statement|report|reports|analysis|study|survey|poll|interview)/iu.test(phrase.text);
}

/** The start of the clause the cue belongs to: after the last quote mark, colon or dash before it in the sentence. */
function clauseStartBefore(text: string, sentenceStart: number, cueStart: number): number {
  for (let at = cueStart - 1; at >= sentenceStart; at -= 1) {
    const char = text[at] ?? '';
    // A short parenthetical ("(R-Ohio)") belongs to the phrase before it.
    if (char === ')') {
      const open = text.lastIndexOf('(', at);
      if (open >= sentenceStart && at - open <= 31 && !text.slice(open + 1, at).includes(')')) {
        at = open;
        continue;
      }
    }
    // So does a dash-delimited aside right before the cue ("Mr. Dickey — the show's producer — told").
    if ((char === '—' || char === '–') && text.slice(at + 1, cueStart).trim() === '') {
      const open = Math.max(text.lastIndexOf('—', at - 1), text.lastIndexOf('–', at - 1));
      if (open > sentenceStart && at - open <= 100) {
        at = open;
        continue;
      }
    }
    if (CLAUSE_BREAKS.has(text.charCodeAt(at))) return at + 1;
  }
  return sentenceStart;
}

/**
 * "Sen. Chris Murphy, D-Conn., a member of the committee, tweeted": the comma-separated
 * segments before the cue; the subject is the first segment that is a whole name or role.
 */
function appositiveChain(context: ArticleContext, sentence: Sentence, commaAt: number): LocatedSource | null {
  const { text } = context;
  const clauseStart = clauseStartBefore(text, sentence.start, commaAt);
  const segments: Span[] = [];
  let end = commaAt;
  while (segments.length < 5) {
    const comma = text.lastIndexOf(',', end - 1);
    const start = comma < clauseStart ? clauseStart : comma + 1;
    segments.unshift({ start, end, text: text.slice(start, end) });
    if (comma < clauseStart) break;
    end = comma;
  }
  let firstStart = -1;
  let fallback: LocatedSource | null = null;
  for (const segment of segments) {
    const phrase = phraseBefore(text, segment.start, segment.end);
    if (!phrase || !/^[\s"“”'’]*$/u.test(text.slice(segment.start, phrase.start))) continue;
    if (firstStart < 0) firstStart = phrase.start;
    const resolved = resolveSource(context, phrase);
    if (resolved.kind === 'speaker' && resolved.entity?.kind === 'person') return { phrase, spanStart: firstStart, resolved };
    if (fallback === null || (fallback.resolved?.kind !== 'speaker' && resolved.kind === 'speaker')) fallback = { phrase, spanStart: firstStart, resolved };
  }
  return fallback;
}

