import type { AttributionDraft } from './attributions';
import { withinQuote, type ArticleContext } from './context';
import type { Entity } from './entities';
import type { CreditedQuote } from './quoteSpeakers';
import type { Speaker } from './types';
import { packedMap } from './packedMap';

/** The entities credited with a quote or a statement, with every mention outside quotes, in order of appearance. */
export function listSpeakers(context: ArticleContext, drafts: readonly AttributionDraft[], quotes: readonly CreditedQuote[]): Speaker[] {
  const credited = new Set<Entity>();
  for (const draft of drafts) if (draft.entity && draft.attribution.kind === 'speaker') credited.add(draft.entity);
  for (const entry of quotes) if (entry.entity && entry.quote.speaker !== null) credited.add(entry.entity);
  const speakers: { first: number; speaker: Speaker }[] = [];
  for (const entity of credited) {
    const mentions = packedMap(
      entity.mentions.filter((mention) => !withinQuote(context, mention.start, mention.end)),
      (mention) => ({ start: mention.start, end: mention.end, text: mention.text }),
    ).sort((a, b) => a.start - b.start || a.end - b.end);
    const aliases = [...entity.aliases].filter((alias) => alias !== entity.name).sort();
    const kind = entity.kind === 'organization' ? 'organization' : 'person';
    speakers.push({ first: mentions[0]?.start ?? Number.MAX_SAFE_INTEGER, speaker: { name: entity.name, kind, aliases, mentions } });
  }
  return packedMap(
    speakers.sort((a, b) => a.first - b.first || (a.speaker.name < b.speaker.name ? -1 : 1)),
    (entry) => entry.speaker,
  );
}
