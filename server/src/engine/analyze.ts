import { findAttributions } from './attributions';
import { charClass, SPACE } from './charClasses';
import { overlapsQuote, type ArticleContext } from './context';
import { PronounResolver } from './coreference';
import { findCues } from './cues';
import { findLabelAttributions } from './labelAttributions';
import { EntityRegistry, type Entity } from './entities';
import { HeadlineNames } from './headlineNames';
import { findNameRuns } from './names';
import { findOutlets } from './outlets';
import { findQuotes } from './quotes';
import { creditQuotes } from './quoteSpeakers';
import { splitSentences } from './sentences';
import { SpanIndex } from './spanIndex';
import { listSpeakers } from './speakers';
import { packedMap } from './packedMap';
import type { Analysis, AnalyzeOptions, Outlet } from './types';

/** Text in, annotations out: the engine's one entry point. Never throws; offsets are UTF-16 code units. */
export function analyze(text: string, _options: AnalyzeOptions = {}): Analysis {
  const quoteSpans = findQuotes(text);
  const outlets = findOutlets(text);
  const sentences = splitSentences(text, quoteSpans.filter((quote) => quote.style !== 'post'));
  const registry = new EntityRegistry(text);
  const pronouns = new PronounResolver(registry);
  const context: ArticleContext = { text, sentences, quotes: quoteSpans, outlets, registry, pronouns };
  registerNames(context);
  const verbal = findAttributions(context, findCues(text));
  const drafts = [...verbal, ...findLabelAttributions(context, verbal)].sort((a, b) => a.attribution.start - b.attribution.start);
  const credited = creditQuotes(context, quoteSpans, drafts);
  return {
    quotes: packedMap(credited, (entry) => entry.quote),
    speakers: listSpeakers(context, drafts, credited),
    outlets,
    attributions: packedMap(drafts, (draft) => draft.attribution),
  };
}

/** Every name outside quotes and outlets goes to the registry; people opening a sentence are noted as its subject. */
function registerNames(context: ArticleContext): void {
  const { text, sentences, registry } = context;
  const outletSpans = new SpanIndex(context.outlets.flatMap((outlet: Outlet) => outlet.mentions));
  const openers: { at: number; end: number }[] = [];
  const headlines = new HeadlineNames(text);
  for (const sentence of sentences) {
    let first = true;
    for (const run of headlines.refine(findNameRuns(text, sentence.start, sentence.end), text)) {
      const quoted = overlapsQuote(context, run.start, run.end);
      const outlet = outletSpans.overlaps(run.start, run.end);
      if (quoted || outlet || isDateline(text, run)) continue;
      registry.addRun(run, sentence);
      // "In the weeks since Labor Day, Mrs. Clinton has held…": a name governed by a preposition leaves the subject to come.
      const governed = afterPreposition(text, sentence.start, run.start);
      if (first && run.start - sentence.start < 40 && !run.possessive && !governed) openers.push({ at: run.start, end: run.end });
      if (!governed) first = false;
    }
  }
  registry.finish();
  const entityStartingAt = firstEntityByMentionStart(registry.entities);
  for (const opener of openers) {
    const entity = entityStartingAt.get(opener.at);
    if (entity && entity.kind !== 'organization') context.pronouns.noteSubject(entity, opener.at, false);
  }
}

/** Mention start -> the first entity (in registration order) with a mention starting there. */
function firstEntityByMentionStart(entities: readonly Entity[]): Map<number, Entity> {
  const byStart = new Map<number, Entity>();
  for (const entity of entities) {
    for (const mention of entity.mentions) if (!byStart.has(mention.start)) byStart.set(mention.start, entity);
  }
  return byStart;
}

/** "NEWPORT NEWS, Va. — …": a place in capitals opening a paragraph before a dash is a dateline, not a person. */
function isDateline(text: string, run: { start: number; end: number; text: string }): boolean {
  if (hasAsciiLowercase(run.text) || run.text !== run.text.toUpperCase() || !/\p{Lu}{2}/u.test(run.text)) return false;
  const lineStart = text.lastIndexOf('\n', run.start - 1) + 1;
  if (text.slice(lineStart, run.start).trim() !== '') return false;
  return /^(?:,[^\n—–-]{1,30})?\s*(?:[-—–]|\()/u.test(text.slice(run.end, run.end + 40));
}

/** A lowercase ASCII letter, which upper-casing changes: most runs have one, and need no upper-cased copy. */
function hasAsciiLowercase(text: string): boolean {
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code >= 0x61 && code <= 0x7a) return true;
  }
  return false;
}

/** "On Tuesday's episode of “The Steve Harvey Show”, …": a name governed by a preposition or in quote marks is no subject. */
function afterPreposition(text: string, sentenceStart: number, at: number): boolean {
  const before = text.slice(sentenceStart, at);
  return quotedBefore(before) || governedBefore(before);
}

const QUOTED_NAME = /["“‘'](?:the\s+)?$/iu;
const GOVERNED_NAME = /(?:^|\s)(?:of|in|on|at|from|with|for|to|by|about|after|before|during|under|over|against|than|since|until|through|throughout|across|into|near|like|among|despite)\s+["“‘']?(?:the\s+)?$/iu;
const OPENING_QUOTES = new Set(['"', '“', '‘', "'"]);
/** QUOTED_NAME, which ends in a quote mark, or in "the" and spaces: most stretches end otherwise. */
function quotedBefore(before: string): boolean {
  const end = withoutTrailingSpaces(before);
  if (end === before.length) return end > 0 && OPENING_QUOTES.has(before.charAt(end - 1));
  const last = before.charAt(end - 1);
  return (last === 'e' || last === 'E') && QUOTED_NAME.test(before);
}

/**
 * GOVERNED_NAME, whose match holds the preposition and at most one more word ("the", a quote
 * mark, or both as one): it is looked for from the space before the last two words only, where
 * `^` can match no preposition.
 */
function governedBefore(before: string): boolean {
  let at = before.length;
  for (let word = 0; word < 2; word += 1) {
    while (at > 0 && isSpace(before.charCodeAt(at - 1))) at -= 1;
    while (at > 0 && !isSpace(before.charCodeAt(at - 1))) at -= 1;
  }
  return GOVERNED_NAME.test(at > 0 ? before.slice(at - 1) : before);
}

function withoutTrailingSpaces(text: string): number {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end -= 1;
  return end;
}

function isSpace(code: number): boolean {
  return (charClass(code) & SPACE) !== 0;
}
