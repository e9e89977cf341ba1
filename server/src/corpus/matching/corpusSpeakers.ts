import { foldName, initials, sameSpelling } from '../../engine/nameVariants';
import type { EntityKind, Span, Speaker } from '../../engine/types';
import { memoized } from '../../engine/memoized';
import { parsePersonName, type PersonName } from './personName';

/** One article's speaker as part of a corpus entity. */
export interface EntityMention {
  readonly articleId: string;
  readonly speakerName: string;
  readonly mentions: readonly Span[];
}

/** A person or organisation as the whole corpus knows it. */
export interface CorpusEntity {
  /** Derived from the canonical name: the same whatever order articles came in. */
  readonly id: string;
  /** The fullest form of the name, without titles. */
  readonly name: string;
  readonly kind: EntityKind;
  /** Every other name and alias it goes by in any article, sorted. */
  readonly aliases: readonly string[];
  readonly articles: readonly EntityMention[];
}

/** What an article's speakers are read from (an analysis). */
export interface SpeakersOf {
  readonly speakers: readonly Speaker[];
}

interface SpeakerRecord {
  readonly articleId: string;
  readonly speaker: Speaker;
  readonly person: PersonName | null;
  /**
   * What joins it to records of other groups: a person's social-media handles (`handlesOf`), an
   * organisation's names and initials (`organisationKeys`). Worked out with the record, while a
   * scan brings articles in, rather than when it ends and the count waits for grouping.
   */
  readonly keys: readonly string[];
}

const MIN_ACRONYM = 3;
/**
 * Records (or names, or groups) looked at between two pauses of the grouping. A family or an
 * organisation quoted in thousands of articles is thousands of records: one step per group
 * would hold the server's thread for milliseconds at a time.
 */
const ITEMS_PER_STEP = 32;

/**
 * Merges the speakers of different articles into corpus entities: "Bill de Blasio", "de Blasio"
 * and "Mayor Bill de Blasio" are one person; "Soleimani", "Suleimani" and "Soleiman" one
 * spelling; "Donald Trump" and "Ivanka Trump" stay two people. Roles ("the mayor") never merge
 * anything across articles, because they name different people in different articles.
 *
 * Articles are set and removed one at a time; the entities are worked out again, in a fixed
 * order, the first time they are asked for after a change.
 */
export class CorpusSpeakers {
  /** Each article's records, or what it was set with until they are first needed. */
  private readonly byArticle = new Map<string, SpeakerRecord[] | SpeakersOf>();
  private built: Built | null = null;
  /** The groups of `version`, when they were worked out without describing them (for a count). */
  private grouped: { version: number; groups: SpeakerRecord[][] } | null = null;
  /** Bumped at every change: work begun on an earlier version is stale. */
  private version = 0;

  /**
   * `article.speakers` is read when the entities are next worked out, not now: an analysis read
   * from the persisted index builds its speakers only when they are read (see decodeAnalysis),
   * and a warm start, whose counts are remembered, never groups them. `recordNow` reads them now,
   * for speakers sure to be grouped (a scan's new analyses): grouping then has less to do when
   * the scan ends.
   */
  setArticle(articleId: string, article: SpeakersOf, recordNow = false): void {
    this.byArticle.set(articleId, article);
    if (recordNow) this.recordsOf(articleId);
    this.changed();
  }

  removeArticle(articleId: string): void {
    if (this.byArticle.delete(articleId)) this.changed();
  }

  entities(): readonly CorpusEntity[] {
    return this.build().entities;
  }

  /**
   * How many entities there are (`entities().length`), worked out with `pause` awaited every so
   * often: at thousands of articles grouping takes a few hundred milliseconds, too long to hold
   * a server's thread. The groups are kept for `entities()`, which describes them only when a
   * view asks. Null when an article changed meanwhile.
   */
  async countWithPauses(pause: () => Promise<void>): Promise<number | null> {
    if (this.built) return this.built.entities.length;
    const version = this.version;
    const steps = this.groupSteps();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        this.grouped = { version, groups: step.value };
        return step.value.length;
      }
      await pause();
      if (this.version !== version) return null;
    }
  }

  /** The entity an article's speaker (by its name in that article) belongs to. */
  entityOf(articleId: string, speakerName: string): CorpusEntity | null {
    return this.build().index.get(recordKey(articleId, speakerName)) ?? null;
  }

  private recordsOf(articleId: string): readonly SpeakerRecord[] {
    const known = this.byArticle.get(articleId);
    if (known === undefined || Array.isArray(known)) return known ?? [];
    // In the order grouping takes them.
    const records = known.speakers
      .map((speaker) => {
        const person = speaker.kind === 'person' ? parsePersonName(speaker.name) : null;
        return { articleId, speaker, person, keys: person !== null ? handlesOf(speaker) : speaker.kind === 'organization' ? organisationKeys(speaker) : NO_KEYS };
      })
      .sort((a, b) => compareText(a.speaker.name, b.speaker.name));
    this.byArticle.set(articleId, records);
    return records;
  }

  private changed(): void {
    this.built = null;
    this.grouped = null;
    this.version += 1;
  }

  private build(): Built {
    if (this.built) return this.built;
    let groups = this.grouped?.version === this.version ? this.grouped.groups : null;
    if (groups === null) {
      const steps = this.groupSteps();
      let step = steps.next();
      while (!step.done) step = steps.next();
      groups = step.value;
    }
    this.grouped = null;
    this.built = describeAll(groups);
    return this.built;
  }

  /** Groups the speakers of all articles into entities, yielding between pieces of work (see `countWithPauses`). */
  private *groupSteps(): Generator<void, SpeakerRecord[][]> {
    const people: SpeakerRecord[] = [];
    const organisations: SpeakerRecord[] = [];
    for (const articleId of [...this.byArticle.keys()].sort()) {
      for (const record of this.recordsOf(articleId)) {
        (record.person !== null ? people : organisations).push(record);
      }
      yield;
    }
    return [...(yield* groupPeople(people)), ...(yield* groupOrganisations(organisations))];
  }
}

/** The entities of the groups, in a fixed order, with an index from each article's speaker to its entity. */
function describeAll(groups: readonly SpeakerRecord[][]): Built {
  const entities = groups.map(describe);
  entities.sort((a, b) => compareText(a.id, b.id));
  uniqueIds(entities);
  const index = new Map<string, CorpusEntity>();
  for (const entity of entities) {
    for (const mention of entity.articles) index.set(recordKey(mention.articleId, mention.speakerName), entity);
  }
  return { entities, index };
}

interface Built {
  readonly entities: CorpusEntity[];
  readonly index: Map<string, CorpusEntity>;
}

/** People: same family name (allowing spelling slips), then same or no given name. */
function* groupPeople(records: readonly SpeakerRecord[]): Generator<void, SpeakerRecord[][]> {
  const groups: SpeakerRecord[][] = [];
  const spellings = new Set<string>();
  for (const [index, record] of records.entries()) {
    if (index % ITEMS_PER_STEP === 0) yield;
    const family = record.person?.family;
    if (family === null) groups.push([record]);
    else if (family) spellings.add(family);
  }
  const families = yield* familySpellings([...spellings]);
  const byFamily = new Map<string, SpeakerRecord[]>();
  for (const [index, record] of records.entries()) {
    if (index % ITEMS_PER_STEP === 0) yield;
    const family = record.person?.family;
    if (!family) continue;
    const group = families.get(family) ?? family;
    const members = byFamily.get(group);
    if (members) members.push(record);
    else byFamily.set(group, [record]);
  }
  for (const family of [...byFamily.keys()].sort()) {
    groups.push(...(yield* splitByGivenName(byFamily.get(family) ?? [])));
    yield;
  }
  return yield* mergeByHandle(groups);
}

/** Maps each family-name spelling to the first (alphabetically) of the spellings it is a variant of. */
function* familySpellings(distinct: string[]): Generator<void, Map<string, string>> {
  distinct.sort();
  yield;
  const parent = new Map(distinct.map((spelling) => [spelling, spelling]));
  const root = (spelling: string): string => {
    let at = spelling;
    while (parent.get(at) !== at) at = parent.get(at) ?? at;
    return at;
  };
  const buckets = new Map<string, string[]>();
  for (const spelling of distinct) {
    const bucket = buckets.get(spelling[0] ?? '');
    if (bucket) bucket.push(spelling);
    else buckets.set(spelling[0] ?? '', [spelling]);
  }
  for (const bucket of buckets.values()) {
    bucket.sort((a, b) => a.length - b.length || compareText(a, b));
    for (let i = 0; i < bucket.length; i += 1) {
      yield;
      const one = bucket[i] as string;
      for (let j = i + 1; j < bucket.length && (bucket[j] as string).length - one.length <= 2; j += 1) {
        const other = bucket[j] as string;
        if (!sameSpelling(one, other)) continue;
        const [a, b] = [root(one), root(other)];
        if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
      }
    }
  }
  const roots = new Map<string, string>();
  for (const [index, spelling] of distinct.entries()) {
    if (index % ITEMS_PER_STEP === 0) yield;
    roots.set(spelling, root(spelling));
  }
  return roots;
}

/**
 * Within one family name: people whose given names agree are one; a speaker known only by the
 * family name joins the given name seen in its own article, else the one seen in clearly the
 * most articles, else stays apart (it could be any of them).
 */
function* splitByGivenName(records: readonly SpeakerRecord[]): Generator<void, SpeakerRecord[][]> {
  // Thousands of articles may quote one family: each group keeps its distinct given names and
  // articles, so that placing a record costs the number of groups, not of records placed.
  const named: GivenNameGroup[] = [];
  const bare: SpeakerRecord[] = [];
  // The group each given name went to, until a group takes a given name it lacked: only then can
  // the first group spelled like a given name change.
  const groupOfGiven = new Map<string, GivenNameGroup>();
  for (const [index, record] of records.entries()) {
    if (index % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const given = record.person?.given;
    if (!given) {
      bare.push(record);
      continue;
    }
    let group = groupOfGiven.get(given) ?? named.find((candidate) => someSpelledLike(candidate.givens, given));
    if (group === undefined) {
      group = { records: [], givens: new Set(), articles: new Set() };
      named.push(group);
    }
    if (!group.givens.has(given)) groupOfGiven.clear();
    addToGroup(group, record);
    groupOfGiven.set(given, group);
  }
  const leftover: SpeakerRecord[] = [];
  for (const [index, record] of bare.entries()) {
    if (index % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const sameArticle = named.filter((group) => group.articles.has(record.articleId));
    const chosen = sameArticle.length === 1 ? sameArticle[0] : sameArticle.length === 0 ? dominant(named) : undefined;
    if (chosen) addToGroup(chosen, record);
    else leftover.push(record);
  }
  const groups = named.map((group) => group.records);
  return leftover.length > 0 ? [...groups, leftover] : groups;
}

interface GivenNameGroup {
  readonly records: SpeakerRecord[];
  readonly givens: Set<string>;
  readonly articles: Set<string>;
}

function addToGroup(group: GivenNameGroup, record: SpeakerRecord): GivenNameGroup {
  group.records.push(record);
  if (record.person?.given) group.givens.add(record.person.given);
  group.articles.add(record.articleId);
  return group;
}

function someSpelledLike(givens: ReadonlySet<string>, given: string): boolean {
  for (const other of givens) if (sameSpelling(other, given, 1)) return true;
  return false;
}

/** The group quoted in strictly the most articles, if one is. */
function dominant(groups: readonly GivenNameGroup[]): GivenNameGroup | undefined {
  if (groups.length === 1) return groups[0];
  let best: GivenNameGroup | undefined;
  let first = -1;
  let second = -1;
  for (const group of groups) {
    const size = group.articles.size;
    if (size > first) {
      second = first;
      first = size;
      best = group;
    } else if (size > second) {
      second = size;
    }
  }
  return first > second ? best : undefined;
}

/** The same social-media handle ("@NYCMayor") is the same account, whatever the name around it. */
function* mergeByHandle(groups: SpeakerRecord[][]): Generator<void, SpeakerRecord[][]> {
  // Most corpora quote no handle: then no group joins another.
  if (!groups.some((group) => group.some((record) => record.keys.length > 0))) return groups;
  return yield* unionByKeys(groups);
}

const NO_KEYS: readonly string[] = [];

/** A speaker's handles, lowercased; most speakers have none, and get no new array. */
function handlesOf(speaker: Speaker): readonly string[] {
  let handles: string[] | null = speaker.name.startsWith('@') ? [speaker.name.toLowerCase()] : null;
  for (const alias of speaker.aliases) {
    if (alias.startsWith('@')) (handles ??= []).push(alias.toLowerCase());
  }
  return handles ?? NO_KEYS;
}

/** Organisations: same name or alias (without "the"), or one's initials as the other's name. */
function* groupOrganisations(records: readonly SpeakerRecord[]): Generator<void, SpeakerRecord[][]> {
  return yield* unionByKeys(records.filter((record) => record.speaker.kind === 'organization').map((record) => [record]));
}

/** An organisation's keys: its names and aliases (without "the"), and its initials when they are not its name. */
function organisationKeys(speaker: Speaker): readonly string[] {
  const keys = [speaker.name, ...speaker.aliases].filter((form) => /\p{Lu}/u.test(form)).map(organisationKey);
  const acronym = acronymOf(speaker.name);
  if (acronym !== null) keys.push(acronym);
  return keys;
}

// Thousands of articles name the same organisations: each name is folded once, not once per mention.
const organisationKey = memoized((form: string): string => foldName(form).replace(/^the\s+/, '').replace(/\s+/g, ' '));
const acronymOf = memoized((name: string): string | null => {
  const acronym = initials(name);
  return acronym.length >= MIN_ACRONYM && acronym !== name ? acronym.toLowerCase() : null;
});

/** Joins groups that share a key; the acronym key only joins a group whose own name is that acronym. */
function* unionByKeys(groups: SpeakerRecord[][]): Generator<void, SpeakerRecord[][]> {
  const parent = groups.map((_group, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] ?? at;
    return at;
  };
  const owner = new Map<string, number>();
  let records = 0;
  for (const [index, group] of groups.entries()) {
    for (const record of group) {
      if (++records % ITEMS_PER_STEP === 0) yield;
      for (const key of record.keys) {
        const other = owner.get(key);
        if (other === undefined) {
          owner.set(key, index);
          continue;
        }
        const [a, b] = [root(index), root(other)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const merged = new Map<number, SpeakerRecord[]>();
  for (const [index, group] of groups.entries()) {
    if (index % ITEMS_PER_STEP === 0) yield;
    const members = merged.get(root(index));
    if (members) members.push(...group);
    else merged.set(root(index), [...group]);
  }
  return [...merged.values()];
}

function describe(group: readonly SpeakerRecord[]): CorpusEntity {
  const first = group[0] as SpeakerRecord;
  const kind = first.speaker.kind;
  const name = canonicalName(group);
  const forms = new Set(group.flatMap((record) => [record.speaker.name, ...record.speaker.aliases]));
  forms.delete(name);
  const articles = group
    .map((record) => ({ articleId: record.articleId, speakerName: record.speaker.name, mentions: record.speaker.mentions }))
    .sort((a, b) => compareText(a.articleId, b.articleId) || compareText(a.speakerName, b.speakerName));
  const slug = foldName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return { id: `${kind}:${slug === '' ? 'unnamed' : slug}`, name, kind, aliases: [...forms].sort(compareText), articles };
}

/** The fullest written form: untitled before titled, more name words, more often used, then alphabetical. */
function canonicalName(group: readonly SpeakerRecord[]): string {
  const uses = new Map<string, number>();
  for (const record of group) {
    const form = record.person ? record.person.bare : record.speaker.name;
    uses.set(form, (uses.get(form) ?? 0) + 1);
  }
  const ranked = [...uses.keys()].sort((a, b) => {
    const [pa, pb] = [parsePersonName(a), parsePersonName(b)];
    return pb.words - pa.words || (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || compareText(a, b);
  });
  return ranked[0] ?? first(group);
}

function first(group: readonly SpeakerRecord[]): string {
  return group[0]?.speaker.name ?? '';
}

function uniqueIds(entities: CorpusEntity[]): void {
  const seen = new Map<string, number>();
  entities.forEach((entity, index) => {
    const count = (seen.get(entity.id) ?? 0) + 1;
    seen.set(entity.id, count);
    if (count > 1) entities[index] = { ...entity, id: `${entity.id}-${count}` };
  });
}

function recordKey(articleId: string, speakerName: string): string {
  return `${articleId}\u0000${speakerName}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
