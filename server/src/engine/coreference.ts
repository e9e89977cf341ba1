import pronouns from './data/pronouns.json';
import type { Entity, EntityRegistry } from './entities';
import type { Span } from './types';

const MALE = new Set(pronouns.male);
const FEMALE = new Set(pronouns.female);
const PLURAL_OR_NEUTER = new Set([...pronouns.plural, ...pronouns.neuter]);
const REACH = 2000;

/** Resolves pronoun sources ("he said") to the most recent compatible speaker or sentence subject. */
export class PronounResolver {
  private readonly subjects: { at: number; entity: Entity; source: boolean }[] = [];

  constructor(private readonly registry: EntityRegistry) {}

  /** Remembers an entity that was the subject of a sentence or the source of an attribution. */
  noteSubject(entity: Entity, at: number, source = true): void {
    this.subjects.push({ at, entity, source });
  }

  resolve(pronoun: string, at: number, sentence: Span): Entity | null {
    const word = pronoun.toLowerCase();
    if (PLURAL_OR_NEUTER.has(word)) return this.recentOrganization(at);
    if (!MALE.has(word) && !FEMALE.has(word)) return null;
    const gender = MALE.has(word) ? 'male' : 'female';
    const fits = (entity: Entity): boolean => entity.kind !== 'organization' && (entity.gender === null || entity.gender === gender);
    const resolved = this.recentSubject(at, fits, sentence.start) ?? this.inSentence(at, sentence, fits) ?? this.recentSubject(at, fits, 0) ?? this.recentMention(at, fits);
    if (resolved && resolved.gender === null) resolved.gender = gender;
    return resolved;
  }

  /** The person most recently the subject of a sentence or the source of an attribution: what "the senator" most likely means. */
  salientPerson(at: number): Entity | null {
    return this.recentSubject(at, (entity) => entity.kind === 'person', 0);
  }

  private inSentence(at: number, sentence: Span, fits: (entity: Entity) => boolean): Entity | null {
    let best: { entity: Entity; start: number } | null = null;
    const { index } = this.registry;
    for (const mention of index.startingIn(sentence.start, at)) {
      const { entity } = mention;
      if (!fits(entity) || mention.how === 'pronoun' || mention.end > at) continue;
      if (best === null || mention.start > best.start || (mention.start === best.start && index.rank(entity) < index.rank(best.entity))) best = { entity, start: mention.start };
    }
    return best?.entity ?? null;
  }

  private recentSubject(at: number, fits: (entity: Entity) => boolean, notBefore: number): Entity | null {
    let best: { at: number; entity: Entity } | null = null;
    for (const subject of this.subjects) {
      if (notBefore > 0 && !subject.source) continue;
      if (subject.at >= at || subject.at < notBefore || at - subject.at > REACH || !fits(subject.entity)) continue;
      if (best === null || subject.at > best.at) best = subject;
    }
    return best?.entity ?? null;
  }

  private recentMention(at: number, fits: (entity: Entity) => boolean): Entity | null {
    let best: { entity: Entity; start: number } | null = null;
    const { index } = this.registry;
    for (const mention of index.startingIn(at - REACH, at)) {
      const { entity } = mention;
      if (!fits(entity) || entity.kind !== 'person' || mention.end > at) continue;
      if (best === null || mention.start > best.start || (mention.start === best.start && index.rank(entity) < index.rank(best.entity))) best = { entity, start: mention.start };
    }
    return best?.entity ?? null;
  }

  private recentOrganization(at: number): Entity | null {
    let best: { at: number; entity: Entity } | null = null;
    for (const subject of this.subjects) if (subject.at < at && (best === null || subject.at > best.at)) best = subject;
    return best && best.entity.kind === 'organization' && at - best.at < 600 ? best.entity : null;
  }
}
