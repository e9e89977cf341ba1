import { ANNOTATION_KINDS, type AnnotationKind } from '../../../common/protocol';
import type { TextQuote, TextRange, UserAnnotation } from './types';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'identifying' | 'assessing';
  value: string;
}

export type W3cSelector = ({ type: 'TextQuoteSelector' } & TextQuote) | ({ type: 'TextPositionSelector' } & TextRange);

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'tagging' | 'assessing';
  created?: string;
  modified?: string;
  creator?: { type: 'Software'; name: string };
  body: W3cBody[];
  target: { source: string; selector: W3cSelector[] };
}

export interface W3cAnnotationPage {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationPage';
  items: W3cAnnotation[];
}

/**
 * One annotation as W3C Web Annotation JSON: the kind as a tagging body, the entity (or a
 * quote's speaker) as an identifying body, a rejection as motivation "assessing" with the body
 * "rejected"; the target's selectors count code points, as W3C does.
 */
export function toW3c(annotation: UserAnnotation, source: string): W3cAnnotation {
  const body: W3cBody[] = [{ type: 'TextualBody', purpose: 'tagging', value: annotation.kind }];
  if (annotation.name !== null) body.push({ type: 'TextualBody', purpose: 'identifying', value: annotation.name });
  if (annotation.action === 'reject') body.push({ type: 'TextualBody', purpose: 'assessing', value: 'rejected' });
  return {
    id: annotation.id,
    type: 'Annotation',
    motivation: annotation.action === 'reject' ? 'assessing' : 'tagging',
    created: annotation.created,
    modified: annotation.modified,
    body,
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', ...annotation.quote },
        { type: 'TextPositionSelector', ...annotation.position },
      ],
    },
  };
}

/** The inverse of `toW3c`, for JSON the sidecar schema has already validated. */
export function fromW3c(json: W3cAnnotation): UserAnnotation {
  const tag = json.body.find((body) => body.purpose === 'tagging' && (ANNOTATION_KINDS as readonly string[]).includes(body.value));
  const quote = json.target.selector.find((selector) => selector.type === 'TextQuoteSelector');
  const position = json.target.selector.find((selector) => selector.type === 'TextPositionSelector');
  if (!tag || !quote || !position) throw new Error(`annotation ${json.id} lacks a kind or a selector`);
  const now = new Date(0).toISOString();
  return {
    id: json.id,
    kind: tag.value as AnnotationKind,
    action: json.motivation === 'assessing' ? 'reject' : 'mark',
    name: json.body.find((body) => body.purpose === 'identifying')?.value ?? null,
    quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    position: { start: position.start, end: position.end },
    created: json.created ?? now,
    modified: json.modified ?? json.created ?? now,
  };
}

export function annotationPage(id: string, items: W3cAnnotation[]): W3cAnnotationPage {
  return { '@context': W3C_CONTEXT, id, type: 'AnnotationPage', items };
}
