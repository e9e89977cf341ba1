import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import type { EntityTable } from './entities';

/** The seeds gold file (annotation guide, "Gold files"). */
export interface SeedsGold {
  entities: EntityTable;
  articles: Record<string, GoldArticle>;
  links: GoldLink[];
}

export interface GoldArticle {
  quotes: Array<{ text: string; speaker: string | null }>;
  outlets: Array<{ text: string; count: number }>;
  speakers: string[];
  attributions: Array<{ text: string; source: string; kind: 'outlet' | 'speaker' }>;
}

export interface GoldLink {
  id: string;
  occurrences: Array<{ file: string; text: string }>;
  paraphrases?: Array<{ file: string; text: string }>;
}

const string = { type: 'string' };
const fileText = { type: 'object', required: ['file', 'text'], properties: { file: string, text: string } };
const goldSchema = {
  type: 'object',
  required: ['entities', 'articles', 'links'],
  properties: {
    entities: { type: 'object', additionalProperties: { type: 'array', items: string } },
    articles: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['quotes', 'outlets', 'speakers', 'attributions'],
        properties: {
          quotes: {
            type: 'array',
            items: { type: 'object', required: ['text', 'speaker'], properties: { text: string, speaker: { type: ['string', 'null'] } } },
          },
          outlets: {
            type: 'array',
            items: { type: 'object', required: ['text', 'count'], properties: { text: string, count: { type: 'integer', minimum: 1 } } },
          },
          speakers: { type: 'array', items: string },
          attributions: {
            type: 'array',
            items: {
              type: 'object',
              required: ['text', 'source', 'kind'],
              properties: { text: string, source: string, kind: { enum: ['outlet', 'speaker'] } },
            },
          },
        },
      },
    },
    links: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'occurrences'],
        properties: { id: string, occurrences: { type: 'array', items: fileText }, paraphrases: { type: 'array', items: fileText } },
      },
    },
  },
};

const validateGold = new Ajv({ allErrors: true }).compile<SeedsGold>(goldSchema);

/** Reads and checks a gold file; a malformed one is an error, not a silently low score. */
export function loadSeedsGold(path: string): SeedsGold {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!validateGold(data)) {
    const problems = (validateGold.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
    throw new Error(`${path} is not a gold file: ${problems.join('; ')}`);
  }
  return data;
}
