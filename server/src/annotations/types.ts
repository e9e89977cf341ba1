import type { AnnotationKind } from '../../../common/protocol';

export type { AnnotationKind };

/** A stretch of the current text in UTF-16 code units, `end` exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** W3C TextQuoteSelector: the annotated words and the words around them. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * One user annotation. `mark`: the user says the span is a `kind` (naming an entity, or a
 * quote's speaker, in `name`); `reject`: the engine's `kind` there is wrong and stays removed.
 */
export interface UserAnnotation {
  id: string;
  kind: AnnotationKind;
  action: 'mark' | 'reject';
  name: string | null;
  quote: TextQuote;
  /** W3C TextPositionSelector of the text it was last saved against, in code points. */
  position: TextRange;
  created: string;
  modified: string;
}

/** An annotation and where it stands in the text now; `range` is null when it could not be placed. */
export interface PlacedAnnotation {
  annotation: UserAnnotation;
  range: TextRange | null;
}
