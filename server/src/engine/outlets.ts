import { charClass, hasSurrogate, LETTER, NUMBER } from './charClasses';
import { inCreditContext, insideLongerName, type OutletMentionSite } from './outletContext';
import { outletGazetteer, type OutletForm } from './outletGazetteer';
import { perLine } from './perLine';
import { extendHash, HashFilter } from './spanHash';
import type { Outlet, Span } from './types';
import { packedMap } from './packedMap';

/** Outlet name -> offset of its latest mention, which is what an anaphor ("the Times") refers back to. */
type LastNamed = Map<string, number>;

function latestNamed(forms: readonly OutletForm[], lastNamed: LastNamed): OutletForm | null {
  let best: OutletForm | null = null;
  let bestAt = -1;
  for (const form of forms) {
    const at = lastNamed.get(form.outlet);
    if (at !== undefined && at > bestAt) {
      best = form;
      bestAt = at;
    }
  }
  return best;
}

/** Which outlet a matched form names here, if any (rules in the `$comment` of data/outlets.json). */
function resolve(readings: readonly OutletForm[], site: OutletMentionSite, lastNamed: LastNamed): OutletForm | null {
  const usable = readings.filter((form) => site.hasArticle || !form.needsArticle);
  const alias = usable.find((form) => form.role === 'alias');
  if (alias) return alias;
  const anaphors = usable.filter((form) => form.role === 'anaphor');
  const ambiguous = usable.filter((form) => form.role === 'ambiguous');
  if (anaphors.length === 0 && ambiguous.length === 0) return null;
  if (insideLongerName(site)) return null;
  const referredTo = latestNamed(anaphors, lastNamed);
  if (referredTo) return referredTo;
  if (ambiguous.length === 0 || !inCreditContext(site)) return null;
  return latestNamed(ambiguous, lastNamed) ?? ambiguous[0] ?? null;
}

const STICKY_PATTERN = new RegExp(outletGazetteer.pattern.source, 'uy');
const LEAD_HASHES = new HashFilter(outletGazetteer.leads ?? [], false);
const LETTER_OR_NUMBER = LETTER | NUMBER;

/** A stretch the gazetteer pattern matches: `coreStart` is where the outlet's own name starts, after any "the". */
interface GazetteerMatch extends Span {
  coreStart: number;
}

/**
 * The matches of the gazetteer pattern in `text[from, to)`, as `matchAll` finds them. A match
 * opens a run of letters and digits that leads some form, so the costly pattern is only tried at
 * those runs.
 */
function gazetteerMatchesIn(text: string, from: number, to: number): GazetteerMatch[] {
  const { leads, pattern } = outletGazetteer;
  const matches: GazetteerMatch[] = [];
  const add = (match: RegExpExecArray): void => {
    const end = match.index + match[0].length;
    matches.push({ start: match.index, end, text: match[0], coreStart: end - (match.groups?.['core'] ?? '').length });
  };
  if (leads === null || hasSurrogate(text.slice(from, to))) {
    pattern.lastIndex = from;
    for (let match = pattern.exec(text); match !== null && match.index < to; match = pattern.exec(text)) add(match);
    return matches;
  }
  let at = from;
  while (at < to) {
    const code = text.charCodeAt(at);
    if ((charClass(code) & LETTER_OR_NUMBER) === 0) {
      at += 1;
      continue;
    }
    let end = at + 1;
    let hash = extendHash(0, code);
    for (let next = text.charCodeAt(end); (charClass(next) & LETTER_OR_NUMBER) !== 0; next = text.charCodeAt(end)) {
      hash = extendHash(hash, next);
      end += 1;
    }
    const match = LEAD_HASHES.mayHold(hash) && leads.has(text.slice(at, end)) ? stickyMatch(text, at) : null;
    if (match === null) at = end;
    else {
      add(match);
      at = match.index + match[0].length;
    }
  }
  return matches;
}

/** The gazetteer's matches in a whole text: no form spans a line break, and neither side of a match looks past one. */
const gazetteerMatches = perLine(gazetteerMatchesIn, (match, offset) => ({ start: match.start + offset, end: match.end + offset, text: match.text, coreStart: match.coreStart + offset }));

function stickyMatch(text: string, at: number): RegExpExecArray | null {
  STICKY_PATTERN.lastIndex = at;
  return STICKY_PATTERN.exec(text);
}

/**
 * Finds the news outlets named in the text, from the gazetteer in data/outlets.json: one Outlet per
 * outlet, in order of first mention, with every mention span (annotation guide, "Outlet").
 */
export function findOutlets(text: string): Outlet[] {
  const { readingsByCore } = outletGazetteer;
  const mentionsByOutlet = new Map<string, Span[]>();
  const lastNamed: LastNamed = new Map();
  for (const { start, end, coreStart } of gazetteerMatches(text)) {
    const readings = readingsByCore.get(text.slice(coreStart, end));
    if (!readings) continue;
    const site: OutletMentionSite = { text, start, end, coreStart, hasArticle: start < coreStart };
    const form = resolve(readings, site, lastNamed);
    if (!form) continue;
    const spanStart = form.needsArticle ? start : site.coreStart;
    const mentions = mentionsByOutlet.get(form.outlet) ?? [];
    mentions.push({ start: spanStart, end, text: text.slice(spanStart, end) });
    mentionsByOutlet.set(form.outlet, mentions);
    lastNamed.set(form.outlet, start);
  }
  return packedMap([...mentionsByOutlet], ([name, mentions]) => ({ name, mentions }));
}
