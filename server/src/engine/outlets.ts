import { inCreditContext, insideLongerName, type OutletMentionSite } from './outletContext';
import { outletGazetteer, type OutletForm } from './outletGazetteer';
import type { Outlet, Span } from './types';

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

/**
 * Finds the news outlets named in the text, from the gazetteer in data/outlets.json: one Outlet per
 * outlet, in order of first mention, with every mention span (annotation guide, "Outlet").
 */
export function findOutlets(text: string): Outlet[] {
  const { pattern, readingsByCore } = outletGazetteer;
  const mentionsByOutlet = new Map<string, Span[]>();
  const lastNamed: LastNamed = new Map();
  for (const match of text.matchAll(pattern)) {
    const core = match.groups?.['core'] ?? '';
    const readings = readingsByCore.get(core);
    if (!readings) continue;
    const start = match.index;
    const end = start + match[0].length;
    const site: OutletMentionSite = { text, start, end, coreStart: end - core.length, hasArticle: start < end - core.length };
    const form = resolve(readings, site, lastNamed);
    if (!form) continue;
    const spanStart = form.needsArticle ? start : site.coreStart;
    const mentions = mentionsByOutlet.get(form.outlet) ?? [];
    mentions.push({ start: spanStart, end, text: text.slice(spanStart, end) });
    mentionsByOutlet.set(form.outlet, mentions);
    lastNamed.set(form.outlet, start);
  }
  return [...mentionsByOutlet].map(([name, mentions]) => ({ name, mentions }));
}
