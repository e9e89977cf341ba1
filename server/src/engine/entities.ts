import roles from './data/roles.json';
import { isCalendarName } from './calendarNames';
import { splitAffiliation } from './affiliation';
import { charClass, SPACE } from './charClasses';
import { afterPartyLabel, looksLikeName, withoutLowercaseLead } from './nameShape';
import { genderFits, titleGender, type Gender } from './honorifics';
import { MentionIndex } from './mentionIndex';
import { NameBuckets } from './nameBuckets';
import { foldName, initials, samePerson, sameSpelling, surname } from './nameVariants';
import type { NameRun } from './names';
import { firstNameGender } from './firstNameGender';
import { nameFacts } from './people';
import { partiesAgree, partiesIn } from './partyWords';
import { isCollective, isOrganizationHead, isPeopleName, isPersonRole, isRoleModifier, roleKeys, splitTitle } from './roles';
import { tokenize, type Token } from './tokens';
import type { EntityKind, Span } from './types';
import { memoized } from './memoized';
import { packedMap } from './packedMap';

export type MentionHow = 'name' | 'surname' | 'role' | 'pronoun' | 'handle';

/** A stretch of the text that refers to an entity. */
export interface Mention extends Span {
  entity: Entity;
  how: MentionHow;
}

/** One person or organisation of the article, with everything it was called. */
export interface Entity {
  name: string;
  kind: EntityKind | 'unknown';
  forms: string[];
  aliases: Set<string>;
  roles: { key: string; at: number }[];
  gender: 'male' | 'female' | null;
  mentions: Mention[];
}

const ACRONYM = /^\p{Lu}{2,6}$/u;
const KNOWN_GROUPS: string[][] = roles.knownOrganizations;
const KNOWN_BY_FOLD = new Map<string, string[]>();
for (const group of KNOWN_GROUPS) for (const member of group) KNOWN_BY_FOLD.set(foldName(member), group);
// "Environmentalists", "Protesters", "Regulators": a capitalised plural of a common agent noun names a group, not a person.
const PLURAL_AGENT = /^\p{Lu}\p{Ll}+(?:ists|ers|ors|ants|ents|ees|ives|ites)$/u;
const PLACE_PREFIX = /^(?:the\s+)?(?:u\.?s\.?|u\.?k\.?|us|uk|american|british|federal|national)\s+/iu;
// "Ayatollah Ali Khamenei": a title written as part of the name, which says nothing of the first name.
const RELIGIOUS_TITLE = /^(?:ayatollah|sheikh)$/iu;

/** The known group of an organisation's name, also with a country prefix ("U.S. State Department"). */
export const knownOrganization = memoized((name: string): string[] | undefined => KNOWN_BY_FOLD.get(foldName(name)) ?? KNOWN_BY_FOLD.get(foldName(name.replace(PLACE_PREFIX, ''))));

/** "Department of Defense" and "Defense Department" are one name. */
const organizationKey = memoized((name: string): string => {
  const group = knownOrganization(name);
  if (group) return foldName(group[0] as string);
  const folded = foldName(name.replace(PLACE_PREFIX, ''));
  const inverted = /^(department|ministry|office|bureau) of (?:the )?(.+)$/u.exec(folded);
  return inverted ? `${inverted[2]} ${inverted[1]}` : folded;
});

interface Range {
  start: number;
  end: number;
}

type Classified = { kind: EntityKind; name: string } | { kind: 'single'; name: string } | null;

/** The article's people and organisations, built from name runs in reading order. */
export class EntityRegistry {
  readonly entities: Entity[] = [];
  private readonly singles: { run: NameRun; name: string; title: string | null; sentence: Range }[] = [];
  /** Every mention by position, for questions about a stretch of the text. */
  readonly index = new MentionIndex();
  private readonly bySurname = new NameBuckets((entity) => this.index.rank(entity));
  private readonly byFoldedForm = new NameBuckets((entity) => this.index.rank(entity));
  /** Entities by the organisation keys of their forms, whatever their kind now: an unknown one may turn out an organisation. */
  private readonly byOrganizationKey = new NameBuckets((entity) => this.index.rank(entity));
  /** Each entity's mentions by `stretchKey`, so a stretch mentioned twice gives one mention. */
  private readonly mentionsAt = new Map<Entity, Map<number | string, Mention>>();

  constructor(private readonly text: string) {}

  /** Registers a name run; single words wait for `finish`, when every full name is known. */
  addRun(run: NameRun, sentence: Range): void {
    if (run.text.startsWith('@')) return;
    const split = splitTitle(run.tokens);
    const { title } = split;
    const nameFrom = afterPartyLabel(packedMap(run.tokens, (token) => token.text), split.nameFrom);
    const nameTokens = run.tokens.slice(nameFrom);
    if (nameTokens.length === 0) return;
    const nameStart = (nameTokens[0] as Token).start;
    const name = this.text.slice(nameStart, run.end);
    const classified = classify(name, nameTokens.length, title !== null);
    if (classified === null) return;
    if ((classified.kind === 'person' || title !== null) && this.addAffiliated(run, nameFrom, title !== null, sentence)) return;
    if (classified.kind === 'single') {
      this.singles.push({ run, name, title, sentence });
      return;
    }
    const entity = this.entityFor(classified.kind, classified.name);
    this.mention(entity, { start: run.start, end: run.end, text: run.text }, 'name');
    if (run.start !== nameStart) entity.aliases.add(run.text);
    if (title !== null) this.addRoles(entity, title, run.start);
    if (entity.kind === 'person' && entity.gender === null) entity.gender = titleGender(title);
    if (entity.kind === 'person') this.rolesAround(entity, run, sentence);
    if (entity.kind === 'organization') {
      for (const word of classified.name.split(/\s+/)) if (isOrganizationHead(word)) this.addRoles(entity, word, run.start);
      for (const member of knownOrganization(classified.name) ?? []) {
        for (const word of member.split(/\s+/)) if (isOrganizationHead(word)) this.addRoles(entity, word, run.start);
      }
    }
  }

  /** "Charles B. Rangel of New York", "Mr. Morgan of the Sierra Club": the person, then the place or employer, as two runs. */
  private addAffiliated(run: NameRun, nameFrom: number, titled: boolean, sentence: Range): boolean {
    const split = splitAffiliation(run, nameFrom, this.text);
    if (split === null) return false;
    const nameTokens = split.name.tokens.slice(nameFrom);
    const before = classify(this.text.slice((nameTokens[0] as Token).start, split.name.end), nameTokens.length, titled);
    if (before === null || !(before.kind === 'person' || (before.kind === 'single' && titled))) return false;
    this.addRun(split.name, sentence);
    if (split.affiliation) this.addAffiliation(split.affiliation, sentence);
    return true;
  }

  /** What follows a person's "of"/"for" is a place or an employer, never a second person. */
  private addAffiliation(run: NameRun, sentence: Range): void {
    const classified = classify(run.text, run.tokens.length, false);
    if (classified?.kind !== 'person') {
      this.addRun(run, sentence);
      return;
    }
    this.mention(this.entityFor('organization', classified.name), { start: run.start, end: run.end, text: run.text }, 'name');
  }

  /** Links single words to the full names they shorten, and acronyms to the names they abbreviate. */
  finish(): void {
    // "Mr. Obama" and "Mrs. Obama" settle who is who before a bare "Obama" picks among them.
    const gendered = packedMap(this.singles, ({ run, name, title, sentence }) => ({ run, name, sentence, gender: titleGender(title) }));
    const ordered = [...gendered.filter((single) => single.gender !== null), ...gendered.filter((single) => single.gender === null)];
    for (const { run, name, sentence, gender } of ordered) {
      const entity = this.singleWordEntity(name, run.start, gender);
      if (entity === null) continue;
      if (gender !== null && entity.kind !== 'organization' && entity.gender === null) entity.gender = gender;
      this.mention(entity, { start: run.start, end: run.end, text: run.text }, entity.name === name ? 'name' : 'surname');
      if (run.start !== (run.tokens[0] as Token).start || run.text !== name) entity.aliases.add(run.text);
      if (entity.kind === 'person') this.rolesAround(entity, run, sentence);
    }
    for (const entity of this.entities) entity.mentions.sort((a, b) => a.start - b.start);
  }

  /** The entity a name as written refers to ("Pelosi", "the Pentagon", "LAPD HQ"), registering it if new. */
  lookup(name: string, at: number, create: boolean): Entity | null {
    const bare = withoutLowercaseLead(name
      .replace(/^(?:the|a|an)\s+/iu, ''))
      .replace(/^.*['’]s\s+(?=\p{Lu})/u, '')
      .replace(/['’]s?$/u, '');
    const tokens = tokenize(bare);
    const { nameFrom } = splitTitle(tokens);
    const rest = tokens.slice(nameFrom);
    if (rest.length === 0) return null;
    const core = bare.slice((rest[0] as Token).start);
    if (!looksLikeName(core)) return null;
    const classified = classify(core, rest.length, nameFrom > 0);
    if (classified === null) return null;
    if (classified.kind === 'single') {
      if (nameFacts(core).place) return null;
      return this.singleWordEntity(core, at) ?? (create && !PLURAL_AGENT.test(core) ? this.entityFor('person', core) : null);
    }
    const existing = this.find(classified.kind, classified.name);
    if (existing) return existing;
    const acronym = rest.find((token) => ACRONYM.test(token.text));
    const abbreviated = acronym ? this.entities.find((entity) => entity.kind === 'organization' && initials(entity.name) === acronym.text) : undefined;
    if (abbreviated) return abbreviated;
    return create ? this.entityFor(classified.kind, classified.name) : null;
  }

  /** The entity last given this role before `at` ("the mayor"), or the first one given it after. */
  resolveRole(role: string, at: number, kind: EntityKind | null): Entity | null {
    const keys = roleKeys(role);
    const party = partiesIn([role]);
    let before: { entity: Entity; at: number } | null = null;
    let after: { entity: Entity; at: number } | null = null;
    for (const entity of this.entities) {
      if (kind !== null && entity.kind !== kind && entity.kind !== 'unknown') continue;
      // A role naming no party fits everybody: the entity's own parties need not be read.
      if (party.size > 0 && !partiesAgree(party, partiesIn(entity.roles.map((attached) => attached.key)))) continue;
      for (const attached of entity.roles) {
        if (!keys.includes(attached.key)) continue;
        if (attached.at <= at && (before === null || attached.at > before.at)) before = { entity, at: attached.at };
        if (attached.at > at && (after === null || attached.at < after.at)) after = { entity, at: attached.at };
      }
    }
    return before?.entity ?? after?.entity ?? null;
  }

  mention(entity: Entity, span: Span, how: MentionHow): Mention {
    let known = this.mentionsAt.get(entity);
    if (known === undefined) {
      known = new Map<number | string, Mention>();
      this.mentionsAt.set(entity, known);
    }
    const key = stretchKey(span.start, span.end);
    const existing = known.get(key);
    if (existing) return existing;
    // Spans come in many shapes: copying just the span's fields keeps mentions of one shape.
    const mention: Mention = { start: span.start, end: span.end, text: span.text, entity, how };
    entity.mentions.push(mention);
    known.set(key, mention);
    this.index.add(mention);
    return mention;
  }

  addRoles(entity: Entity, role: string, at: number): void {
    for (const key of roleKeys(role)) {
      if (!entity.roles.some((attached) => attached.key === key && attached.at === at)) entity.roles.push({ key, at });
    }
  }

  private singleWordEntity(name: string, at: number, gender: Gender | null = null): Entity | null {
    const group = knownOrganization(name);
    if (group) return this.find('organization', name) ?? this.entityFor('organization', name);
    const namesakes = this.bySurname.get(surnameKey(name)).filter((entity) => entity.kind === 'person' && entity.forms.some((form) => samePerson(form, name) && surnameMatches(form, name)));
    const fitting = namesakes.filter((entity) => genderFits(entity.gender, gender));
    const sameSex = fitting.filter((entity) => gender !== null && entity.gender === gender);
    const people = sameSex.length > 0 ? sameSex : fitting;
    if (people.length > 0) return closest(people, at);
    if (namesakes.length > 0) return this.newEntity('person', name, gender);
    if (ACRONYM.test(name)) {
      const organization = this.entities.find((entity) => entity.kind === 'organization' && initials(entity.name) === name);
      if (organization) return organization;
    }
    const facts = nameFacts(name);
    if (facts.place) return null;
    if (!facts.person && !facts.organization && PLURAL_AGENT.test(name)) return null;
    const same = this.byFoldedForm.get(foldName(name))[0];
    if (same) return same;
    const kind = ACRONYM.test(name) || facts.organization ? 'organization' : 'unknown';
    return this.entityFor(kind, name);
  }

  private find(kind: EntityKind | 'unknown', name: string): Entity | undefined {
    if (kind === 'organization') return this.byOrganizationKey.get(organizationKey(name)).find((entity) => entity.kind === 'organization');
    const candidates = this.bySurname.get(surnameKey(name));
    return candidates.find((entity) => entity.kind !== 'organization' && entity.forms.some((form) => samePerson(form, name) && form.includes(' ') === name.includes(' ')))
      ?? candidates.find((entity) => entity.kind !== 'organization' && entity.forms.some((form) => samePerson(form, name)));
  }

  /** The entity with this name, registered if new. */
  ensure(kind: EntityKind, name: string): Entity {
    return this.entityFor(kind, name);
  }

  private entityFor(kind: EntityKind | 'unknown', name: string): Entity {
    const existing = this.find(kind, name);
    if (existing) {
      if (!existing.forms.includes(name)) this.addForm(existing, name);
      if (existing.kind === 'unknown') existing.kind = kind;
      existing.name = canonical(existing);
      if (existing.name !== name) existing.aliases.add(name);
      return existing;
    }
    return this.newEntity(kind, name, null);
  }

  /** A new entity, even when a namesake exists ("Mr. Obama" beside "Michelle Obama"). */
  private newEntity(kind: EntityKind | 'unknown', name: string, gender: Gender | null): Entity {
    const entity: Entity = { name, kind, forms: [], aliases: new Set(), roles: [], gender, mentions: [] };
    this.index.addEntity(entity);
    this.addForm(entity, name);
    if (kind === 'organization') {
      const group = knownOrganization(name);
      if (group) entity.name = group[0] as string;
      if (entity.name !== name) entity.aliases.add(name);
    } else if (entity.gender === null) {
      const words = name.split(/\s+/).filter((word) => !RELIGIOUS_TITLE.test(word));
      const first = words[0] ?? name;
      // A first name is only known to be one in front of a surname: a lone "Clinton" says nothing.
      entity.gender = nameFacts(first).gender ?? (kind === 'person' && words.length > 1 ? firstNameGender(first) : null);
    }
    this.entities.push(entity);
    return entity;
  }

  private addForm(entity: Entity, form: string): void {
    entity.forms.push(form);
    this.bySurname.add(surnameKey(form), entity);
    this.byFoldedForm.add(foldName(form), entity);
    this.byOrganizationKey.add(organizationKey(form), entity);
  }

  /** Roles written around a person's name: "city mayor Bill de Blasio", "Iran's supreme leader, Ayatollah Ali Khamenei,". */
  private rolesAround(entity: Entity, run: NameRun, sentence: Range): void {
    const before = tokenize(this.text, sentence.start, run.start);
    const gapBefore = this.text.slice((before[before.length - 1]?.end ?? run.start), run.start);
    if (/^\s+$/u.test(gapBefore)) {
      const roleWords: string[] = [];
      for (let i = before.length - 1; i >= 0 && roleWords.length < 6; i -= 1) {
        const word = (before[i] as Token).text;
        if (!isPersonRole(word) && !isRoleModifier(word)) break;
        roleWords.unshift(word);
      }
      if (roleWords.some((word) => isPersonRole(word))) this.addRoles(entity, roleWords.join(' '), run.start);
    }
    const appositiveBefore = endsWithComma(this.text, sentence.start, run.start)
      ? /(?:^|[,;:—]\s*)((?:[\p{L}'’.\-]+\s+){0,5}[\p{L}'’.\-]+),\s*$/u.exec(this.text.slice(sentence.start, run.start))
      : null;
    if (appositiveBefore) this.roleFromPhrase(entity, appositiveBefore[1] as string, run.start);
    const appositiveAfter = /^,\s*((?:the|a|an)\s+)?([^,.;:"“”]{2,80}?)(?:,|\.|$)/u.exec(this.text.slice(run.end + (run.possessive ? 2 : 0), sentence.end));
    if (appositiveAfter) this.roleFromPhrase(entity, appositiveAfter[2] as string, run.start);
  }

  private roleFromPhrase(entity: Entity, phrase: string, at: number): void {
    const words = phrase.split(/\s+/).filter((word) => word !== '');
    const ofAt = words.findIndex((word) => word === 'of' || word === 'for' || word === 'on' || word === 'at');
    const head = packedMap(ofAt > 0 ? words.slice(0, ofAt) : words, (word) => word.replace(/[’']s$/u, ''));
    for (let i = 0; i < head.length; i += 1) {
      const tail = head.slice(i).join(' ');
      if (isPersonRole(tail)) {
        this.addRoles(entity, tail, at);
        return;
      }
    }
  }
}

const OFFSET_LIMIT = 2 ** 26;

/** One key per stretch: a number while offsets stay small enough to pack exactly, else a string. */
function stretchKey(start: number, end: number): number | string {
  return start >= 0 && end >= 0 && start < OFFSET_LIMIT && end < OFFSET_LIMIT ? start * OFFSET_LIMIT + end : `${start}:${end}`;
}

/** Names that can be one person (`samePerson`) spell their surnames with the same first letter. */
const surnameKey = memoized((name: string): string => foldName(surname(name).split(' ').pop() ?? '').charAt(0));

/** `text[from, to)` ends in a comma and spaces: the appositive pattern needs one, and is slow to fail on long stretches. */
function endsWithComma(text: string, from: number, to: number): boolean {
  let at = to;
  while (at > from && (charClass(text.charCodeAt(at - 1)) & SPACE) !== 0) at -= 1;
  return at > from && text.charAt(at - 1) === ',';
}

function surnameMatches(form: string, single: string): boolean {
  const last = surname(form).split(' ');
  return sameSpelling(last[last.length - 1] ?? form, single) || foldName(surname(form)) === foldName(single);
}

function closest(entities: Entity[], at: number): Entity {
  const scored = packedMap(entities, (entity) => ({ entity, score: entity.mentions.filter((mention) => mention.start <= at && mention.how === 'name').length * 1000 + entity.mentions.length }));
  const top = Math.max(...packedMap(scored, (candidate) => candidate.score));
  const tied = packedMap(scored.filter((candidate) => candidate.score === top), (candidate) => candidate.entity);
  // Equally prominent namesakes ("President Harlow" beside "Mr. Harlow" and "Susan Harlow"): the one named nearest.
  return tied.length > 1 ? nearest(tied, at) : (tied[0] as Entity);
}

/** The entity mentioned last before `at`, or else first after it. */
function nearest(entities: readonly Entity[], at: number): Entity {
  let best: { entity: Entity; distance: number } | null = null;
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      // Any mention before beats every mention after.
      const distance = mention.start <= at ? at - mention.start : 1e9 + mention.start - at;
      if (best === null || distance < best.distance) best = { entity, distance };
    }
  }
  return best?.entity ?? (entities[0] as Entity);
}

/** The fullest form: most name words, then the longest. */
function canonical(entity: Entity): string {
  if (entity.kind === 'organization') {
    const group = knownOrganization(entity.forms[0] as string);
    if (group) return group[0] as string;
  }
  return [...entity.forms].sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length || b.length - a.length || (a < b ? -1 : 1))[0] as string;
}

// Articles repeat their names, and each reading of one asks the lexicons the same questions: each is decided once.
/** Decided names: untitled several words, untitled one word, titled several words, titled one word. */
const classifiedNames = [false, true].flatMap((titled) => [false, true].map((single) => memoized((name: string) => classifyUncached(name, single, titled))));

function classify(name: string, wordCount: number, titled: boolean): Classified {
  return (classifiedNames[(titled ? 2 : 0) + (wordCount === 1 ? 1 : 0)] as (name: string) => Classified)(name);
}

function classifyUncached(name: string, single: boolean, titled: boolean): Classified {
  if (isCalendarName(name)) return null;
  if (knownOrganization(name)) return { kind: 'organization', name };
  if (!titled && isPeopleName(name)) return null;
  const words = name.split(/\s+/);
  if (words.some((word) => isOrganizationHead(word))) return { kind: 'organization', name };
  if (single) return { kind: 'single', name };
  if (words.some((word) => isCollective(word) && /s$/u.test(word))) return null;
  const facts = nameFacts(name);
  if (facts.place && !titled) return null;
  if (facts.organization && !facts.person) return { kind: 'organization', name };
  return { kind: 'person', name };
}
