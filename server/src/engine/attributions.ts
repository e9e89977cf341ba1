import type { ArticleContext } from './context';
import { insideQuote } from './context';
import type { CueMatch } from './cues';
import type { Entity } from './entities';
import { sentenceIndexAt, type Sentence } from './sentences';
import { phraseAfter, phraseBefore } from './sourcePhrase';
import { resolveSource, type ResolvedSource } from './sources';
import roles from './data/roles.json';
import type { Attribution, Span } from './types';

/** An attribution with what the rest of the analysis needs to know about it. */
export interface AttributionDraft {
  attribution: Attribution;
  entity: Entity | null;
  sentence: number;
  /** A "NAME:" label opening a line: it credits the quote it opens. */
  label?: boolean;
}

const CLAUSE_BREAK = /["“”«»:;()\[\]—–]/u;

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
    // "the editor's note", "Mr. Obama's remarks": after a possessive the cue word is a noun.
    if (cue.form === 'verb' && /\p{L}['’]s\s+$/u.test(context.text.slice(Math.max(0, cue.start - 5), cue.start))) continue;
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
    const after = sourceAfter(context, cue.end, sentence.end) ?? commonNounAfter(text, cue.end, sentence.end);
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
    if (previous && previous.attribution.kind !== 'outlet') {
      const { attribution, entity } = previous;
      return { phrase: attribution.mention, spanStart: attribution.mention.start, resolved: { kind: attribution.kind, name: attribution.source, entity } };
    }
    const subject = phraseAfter(text, sentence.start, cue.start);
    if (subject && subject.start - sentence.start < 3 && !insideQuote(context, subject.start, subject.end)) return { phrase: subject, spanStart: subject.start, resolved: null };
  }
  const common = commonNounBefore(text, clauseStart, cue.start) ?? subjectStretch(text, clauseStart, cue);
  if (common) return { phrase: common, spanStart: common.start, resolved: { kind: 'unnamed', name: common.text, entity: null } };
  const commonAfter = inverted ? commonNounAfter(text, cue.end, sentence.end) : null;
  if (commonAfter) return { phrase: commonAfter, spanStart: cue.start, resolved: { kind: 'unnamed', name: commonAfter.text, entity: null } };
  return null;
}

const AUXILIARY = new Set(roles.subjectSkipWords);
const COORDINATED = /(?:^|\s)(?:and|but|or|then)$/iu;
const PARTICIPLE_PREPOSITION = /(?:^|\s)(?:by|after|before|while|when|without|in)$/iu;
const RELATIVE = /(?:^|\s)(?:who|which)$/iu;
const SUBJECT_DETERMINER = /^(?:the|a|an|this|that|these|those|his|her|its|their|our|one|another|some|many|most|several|all|both|other|each|every|no)$/iu;

/** The text before a cue without the auxiliaries and adverbs that stand between subject and verb ("has also"). */
function withoutAuxiliaries(lead: string): string {
  let rest = lead.replace(/\s+$/u, '');
  for (;;) {
    const word = /(?:^|\s)([\p{L}'’]+)$/u.exec(rest);
    if (!word || !(AUXILIARY.has((word[1] as string).toLowerCase()) || /^\p{Ll}+ly$/u.test(word[1] as string))) return rest;
    rest = rest.slice(0, rest.length - (word[1] as string).length).replace(/\s+$/u, '');
  }
}

/** "Mr. Kamin, who emphasized": the relative pronoun speaks for the noun phrase it follows. */
function relativeAntecedent(context: ArticleContext, clauseStart: number, cueStart: number): LocatedSource | null {
  const { text } = context;
  const lead = withoutAuxiliaries(text.slice(clauseStart, cueStart));
  const relative = RELATIVE.exec(lead);
  if (!relative) return null;
  const pronounStart = clauseStart + relative.index + relative[0].length - relative[0].trimStart().length;
  const antecedentEnd = clauseStart + text.slice(clauseStart, pronounStart).replace(/[\s,]+$/u, '').length;
  const phrase = phraseBefore(text, clauseStart, antecedentEnd);
  if (!phrase || insideQuote(context, phrase.start, phrase.end)) return null;
  return { phrase, spanStart: phrase.start, resolved: null };
}

/**
 * "the letter reads", "environmentalists worry": a lowercase noun phrase opening the clause right
 * before the cue is an unnamed source. It must start the clause or follow a determiner that does.
 */
function commonNounBefore(text: string, clauseStart: number, cueStart: number): Span | null {
  const lead = withoutAuxiliaries(text.slice(clauseStart, cueStart));
  const words = lead.split(/ +/u);
  let index = words.length - 1;
  const head = words[index] ?? '';
  if (!/^\p{Ll}[\p{L}'’-]*$/u.test(head) || CLAUSE_WORD.test(head) || FUNCTION_LIKE.test(head) || SUBJECT_DETERMINER.test(head)) return null;
  let first = index;
  while (first > 0 && index - first < 4) {
    const word = words[first - 1] as string;
    if (!/^[\p{L}\d][\p{L}\d'’.-]*$/u.test(word) || SUBJECT_DETERMINER.test(word) || CLAUSE_WORD.test(word) || FUNCTION_LIKE.test(word)) break;
    first -= 1;
  }
  // Capitalised words only modify the head when a determiner opens the phrase ("the New York businessman").
  if (words.slice(first, index).some((word) => /^\p{Lu}/u.test(word)) && !(first > 0 && SUBJECT_DETERMINER.test(words[first - 1] as string))) return null;
  if (first > 0 && SUBJECT_DETERMINER.test(words[first - 1] as string)) first -= 1;
  const opener = first > 0 ? (words[first - 1] as string) : '';
  if (!(opener === '' || /[,;]$/u.test(opener) || CLAUSE_WORD.test(opener) || /^["“‘'(\[]+$/u.test(opener))) return null;
  const phraseText = words.slice(first).join(' ').replace(/^["“‘'(\[]+/u, '');
  const end = clauseStart + lead.length;
  const start = end - phraseText.length;
  return phraseText === '' ? null : { start, end, text: phraseText };
}

/**
 * "attorneys for the family said", "Those close to him say": a finite cue whose clause opens with a
 * short stretch ending in a noun has that stretch as its (unnamed) subject.
 */
function subjectStretch(text: string, clauseStart: number, cue: CueMatch): Span | null {
  if (/ing$/iu.test(cue.text)) return null;
  const raw = text.slice(clauseStart, cue.start);
  const lead = withoutAuxiliaries(raw);
  const opened = /^(?:[\s"“”‘’']|(?:and|but|so|yet|that)\s)*/iu.exec(lead)?.[0].length ?? 0;
  const stretch = lead.slice(opened);
  const words = stretch.split(/\s+/u).filter((word) => word !== '');
  if (words.length < 2 || words.length > 10 || /[,;:"“”()]/u.test(stretch)) return null;
  const last = words[words.length - 1] as string;
  if (!/^[\p{L}\d][\p{L}\d'’-]*$/u.test(last) || FUNCTION_LIKE.test(last) || CLAUSE_WORD.test(last) || SUBJECT_DETERMINER.test(last) || PERSONAL_PRONOUN.test(last)) return null;
  if (words.some((word) => /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|to)$/iu.test(word))) return null;
  const start = clauseStart + opened;
  return { start, end: start + stretch.length, text: stretch };
}

const CLAUSE_WORD = /^(?:and|but|or|that|as|while|because|if|when|then|so)$/iu;
const FUNCTION_LIKE = /^(?:is|are|was|were|be|been|to|of|in|on|at|for|with|by|from|not|it|there|what|who|which|this|that)$/iu;

/** "said the ruling", "according to exit polls": a lowercase noun phrase after the cue, up to the clause's end. */
function commonNounAfter(text: string, from: number, to: number): Span | null {
  const window = text.slice(from, Math.min(to, from + 80));
  const match = /^\s+((?:(?:the|a|an|its|his|her|their|this|that|one|some|many|several|most)\s+)?(?:[\p{Ll}\d][\p{L}\d'’-]*\s+){0,3}\p{Ll}[\p{L}'’-]*)(?=\s*(?:[,.;:!?)]|$))/u.exec(window);
  if (!match) return null;
  const phraseText = match[1] as string;
  const words = phraseText.split(/\s+/u);
  const determined = SUBJECT_DETERMINER.test(words[0] as string) && words.length > 1;
  if (!determined && !/s$/u.test(words[words.length - 1] as string)) return null;
  if (words.some((word) => FUNCTION_LIKE.test(word) || CLAUSE_WORD.test(word) || PERSONAL_PRONOUN.test(word))) return null;
  const start = from + (match[0].length - phraseText.length);
  return { start, end: start + phraseText.length, text: phraseText };
}

const PERSONAL_PRONOUN = /^(?:me|him|us|them|you|he|she|we|they|i|myself|yourself|much|more|less)$/iu;

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
    if (CLAUSE_BREAK.test(char)) return at + 1;
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

