import gazetteerData from './data/outlets.json';

/** How an outlet form may be used (see the `$comment` in data/outlets.json). */
export type OutletFormRole = 'alias' | 'ambiguous' | 'anaphor';

/** One reading of a surface form: which outlet it names and under which rule. */
export interface OutletForm {
  outlet: string;
  role: OutletFormRole;
  /** The form was listed as "the X": it needs the article, and the mention span includes it. */
  needsArticle: boolean;
}

/** Null readings: a longer name that contains an outlet form but is no outlet ("Times Square"). */
export type OutletFormReadings = readonly OutletForm[] | null;

export interface OutletGazetteer {
  /** Global sticky-free regex: group `article` (optional "the "), group `core` (the form without article). */
  pattern: RegExp;
  /** Readings of each core as matched (capitals variants included). */
  readingsByCore: ReadonlyMap<string, OutletFormReadings>;
  /** Outlet names in data order, to break ties between equally fitting readings. */
  order: ReadonlyMap<string, number>;
  /**
   * The letters and digits every match opens with: the article's spellings, and each core's
   * leading letters and digits ("U" for "U.S. News"); null when some core opens otherwise.
   */
  leads: ReadonlySet<string> | null;
}

interface OutletEntry {
  name: string;
  aliases: string[];
  ambiguous?: string[];
  anaphors?: string[];
}

interface GazetteerData {
  outlets: OutletEntry[];
  notOutlets: string[];
}

const ARTICLE = /^the\s+/i;
const MIN_LETTERS_FOR_CAPITALS_VARIANT = 4;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** "REUTERS" for "Reuters", but no "DPA" for "dpa": short all-capital words are often something else. */
function capitalsVariant(core: string): string | null {
  const upper = core.toUpperCase();
  const letters = core.replace(/[^\p{L}]/gu, '').length;
  return upper !== core && letters >= MIN_LETTERS_FOR_CAPITALS_VARIANT ? upper : null;
}

function addReading(readings: Map<string, OutletFormReadings>, core: string, form: OutletForm): void {
  for (const variant of [core, capitalsVariant(core)]) {
    if (variant === null) continue;
    const existing = readings.get(variant);
    if (existing === null) continue;
    readings.set(variant, [...(existing ?? []), form]);
  }
}

/** Builds the matcher from the gazetteer; exported for tests that check the data itself. */
export function compileOutletGazetteer(data: GazetteerData): OutletGazetteer {
  const readings = new Map<string, OutletFormReadings>();
  for (const notOutlet of data.notOutlets) {
    readings.set(notOutlet, null);
    const upper = capitalsVariant(notOutlet);
    if (upper !== null) readings.set(upper, null);
  }
  const order = new Map<string, number>();
  data.outlets.forEach((entry, index) => {
    order.set(entry.name, index);
    const listed: Array<[OutletFormRole, string[] | undefined]> = [
      ['alias', entry.aliases],
      ['ambiguous', entry.ambiguous],
      ['anaphor', entry.anaphors],
    ];
    for (const [role, forms] of listed) {
      for (const form of forms ?? []) {
        const needsArticle = ARTICLE.test(form);
        addReading(readings, form.replace(ARTICLE, ''), { outlet: entry.name, role, needsArticle });
      }
    }
  });
  // Longest first, so that "Fox News" wins over "Fox" and "Times Square" over "Times".
  const cores = [...readings.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alternatives = cores.map(escapeRegExp).join('|');
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_])(?<article>(?:[Tt]he|THE)[ \\u00a0])?(?<core>${alternatives})(?![\\p{L}\\p{N}_])`,
    'gu',
  );
  const coreLeads = cores.map((core) => /^[\p{L}\p{N}]+/u.exec(core)?.[0] ?? null);
  const leads = coreLeads.includes(null) ? null : new Set(['the', 'The', 'THE', ...coreLeads.filter((lead): lead is string => lead !== null)]);
  return { pattern, readingsByCore: readings, order, leads };
}

const data: GazetteerData = gazetteerData;

/** The gazetteer in data/outlets.json, compiled once at module load. */
export const outletGazetteer: OutletGazetteer = compileOutletGazetteer(data);

/** The raw gazetteer entries (for tests and tools). */
export const outletEntries: readonly OutletEntry[] = data.outlets;
