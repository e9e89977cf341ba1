import type { ArticleContext } from './context';
import type { Entity, Mention } from './entities';
import { namesARelation } from './relations';
import { PRONOUNS } from './sourcePhrase';
import { isCollective, isOrganizationHead, isPeopleName, isPersonRole } from './roles';
import { sentenceIndexAt } from './sentences';
import { tokenize } from './tokens';
import type { AttributionKind, Span } from './types';

/** Who a source phrase names: an outlet, an entity of the article, or somebody unnamed. */
export interface ResolvedSource {
  kind: AttributionKind;
  /** Outlet name, entity name, or the phrase itself for unnamed sources. */
  name: string;
  entity: Entity | null;
}

const KIND_RANK: Record<string, number> = { person: 0, organization: 1, unknown: 2 };

/** Resolves a source phrase: outlets first, then names, roles and pronouns; the rest is unnamed. */
export function resolveSource(context: ArticleContext, phrase: Span): ResolvedSource {
  const outlet = context.outlets.find((candidate) => candidate.mentions.some((mention) => mention.start < phrase.end && mention.end > phrase.start));
  if (outlet) return { kind: 'outlet', name: outlet.name, entity: null };
  const words = tokenize(phrase.text);
  const lastWord = (words[words.length - 1]?.text ?? '').toLowerCase();
  if (words.length === 1 && PRONOUNS.has(lastWord)) {
    const entity = context.pronouns.resolve(lastWord, phrase.start, sentenceOf(context, phrase.start));
    return found(context, entity, phrase, 'pronoun');
  }
  if (isCollective(lastWord) && !isOrganizationHead(lastWord) && !isPersonRole(lastWord)) return unnamed(phrase);
  if (isPeopleName(phrase.text) || isPeopleName(lastWord)) return unnamed(phrase);
  if (isOrganizationHead(lastWord) && /\p{Lu}/u.test(phrase.text) && rolePhrase(phrase.text) === null) {
    const organization = context.registry.lookup(phrase.text, phrase.start, true);
    if (organization) return found(context, organization, phrase, 'name');
  }
  const named = namedIn(context, phrase);
  if (named && named.kind === 'person') return found(context, named, phrase, 'name');
  const role = rolePhrase(phrase.text);
  if (role !== null) {
    const head = roleHead(role);
    const kind = isOrganizationHead(head) && !isPersonRole(head) ? 'organization' : 'person';
    const entity = context.registry.resolveRole(role, phrase.start, kind);
    if (entity) return found(context, entity, phrase, 'role');
    if (kind === 'person' && /^\S+(?:\s+\S+)?\s+of\s+(?:the\s+)?\p{Lu}/u.test(role) && !/^(?:an?|one)\s/iu.test(phrase.text)) {
      return found(context, context.registry.ensure('person', role), phrase, 'role');
    }
    // A definite role nobody was given ("the former secretary of state said") describes the person in focus.
    if (kind === 'person' && !named && /^the\s/iu.test(phrase.text) && !/s$/iu.test(head)) {
      const salient = context.pronouns.salientPerson(phrase.start);
      if (salient) return found(context, salient, phrase, 'role');
    }
    if (!named) return unnamed(phrase);
    // "The GOP nominee", "the FBI director": the organisation only qualifies the person who holds the role.
    if (kind === 'person' && named.kind !== 'person') return unnamed(phrase);
  }
  if (named) return found(context, named, phrase, 'name');
  const looked = context.registry.lookup(phrase.text, phrase.start, true);
  return looked ? found(context, looked, phrase, 'name') : unnamed(phrase);
}

function found(context: ArticleContext, entity: Entity | null, phrase: Span, how: Mention['how']): ResolvedSource {
  if (entity === null) return unnamed(phrase);
  context.registry.mention(entity, phrase, how);
  return { kind: 'speaker', name: entity.name, entity };
}

function unnamed(phrase: Span): ResolvedSource {
  return { kind: 'unnamed', name: phrase.text, entity: null };
}

/** The entity whose name is written inside the phrase, people before organisations. */
function namedIn(context: ArticleContext, phrase: Span): Entity | null {
  let best: { entity: Entity; rank: number; start: number } | null = null;
  const { index } = context.registry;
  for (const mention of index.startingIn(phrase.start, phrase.end)) {
    const { entity } = mention;
    if (mention.how !== 'name' && mention.how !== 'surname') continue;
    if (mention.end > phrase.end || namesARelation(context.text, phrase, mention)) continue;
    const rank = KIND_RANK[entity.kind] ?? 3;
    const better = best === null || rank < best.rank || (rank === best.rank && (mention.start > best.start || (mention.start === best.start && index.rank(entity) < index.rank(best.entity))));
    if (better) best = { entity, rank, start: mention.start };
  }
  return best?.entity ?? null;
}

/** "the supreme leader", "Iran's supreme leader", "New York Mayor" -> the role words; null when the phrase is not headed by a role. */
function rolePhrase(text: string): string | null {
  // "Mr. King", "Dr. Price": a courtesy title makes the next word a surname, whatever else it means.
  if (/^(?:the\s+)?(?:Mr|Mrs|Ms|Miss|Dr|Messrs)\.?\s+\p{Lu}/u.test(text)) return null;
  const afterPossessive = text.split(/['’]s\s+/u).pop() ?? text;
  const bare = afterPossessive.replace(/^(?:the|a|an|its|his|her|their)\s+/iu, '').trim();
  const head = roleHead(bare);
  if (isPersonRole(head)) return bare;
  if (!isOrganizationHead(head)) return null;
  return bare.split(/\s+/).some((word) => /^\p{Lu}/u.test(word)) ? null : bare;
}

/** The head word of a phrase: the last word before "of"/"for", or the last word. */
function roleHead(phrase: string): string {
  const words = phrase.split(/\s+/);
  const ofAt = words.findIndex((word) => word === 'of' || word === 'for');
  const head = ofAt > 0 ? words.slice(0, ofAt) : words;
  return (head[head.length - 1] ?? '').toLowerCase();
}

// Sentences are sorted and disjoint: the one holding `offset` is the last starting at or before it.
function sentenceOf(context: ArticleContext, offset: number): Span {
  const sentence = context.sentences[sentenceIndexAt(context.sentences, offset)];
  if (sentence && offset < sentence.end) return { start: sentence.start, end: sentence.end, text: '' };
  return { start: offset, end: offset, text: '' };
}
