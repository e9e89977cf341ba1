/** A stretch of an article: UTF-16 offsets, `end` exclusive, and the text standing there. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A quote as the engine gives it; `start`/`end` cover the inner text, without the quote marks. */
export interface QuoteInput {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/**
 * An article's quotes read only when first needed, their number known before: an analysis read
 * from the persisted index builds its quotes when they are read (see decodeAnalysis), and an
 * article that claims its restored record at a warm start needs only their number. `read` gives
 * the quotes the article's prepared input was made for.
 */
export interface LaterQuotes {
  readonly count: number;
  read(): readonly QuoteInput[];
}

/** `exact`: the same words; `partial`: one inside the other, or a long shared run of words. */
export type MatchKind = 'exact' | 'partial';

/** Another quote that reproduces (part of) the queried one. */
export interface QuoteMatch {
  readonly kind: MatchKind;
  readonly articleId: string;
  readonly quoteId: string;
  /** The other quote as a whole. */
  readonly quote: TextSpan;
  /** The part of the other quote that matches. */
  readonly excerpt: TextSpan;
  /** The part of the queried quote that matches. */
  readonly ownExcerpt: TextSpan;
  /** Number of normalised words the two have in common in the excerpt. */
  readonly sharedWords: number;
}

/** An unquoted stretch of another article that restates a quote: a weaker link than a match. */
export interface Paraphrase extends TextSpan {
  readonly articleId: string;
  /** 0..1: shared content words against the quote's and the stretch's content words. */
  readonly score: number;
  readonly sharedWords: number;
  /** The part of the quote it restates. */
  readonly quoteExcerpt: TextSpan;
}

/** One quote of a cluster; `kind` is relative to the cluster's longest member. */
export interface ClusterOccurrence extends TextSpan {
  readonly articleId: string;
  readonly quoteId: string;
  readonly kind: MatchKind;
}

/** A paraphrase of a cluster, with the member quote it restates. */
export interface ClusterParaphrase extends Paraphrase {
  readonly quoteArticleId: string;
  readonly quoteId: string;
}

/** Quotes joined by verbatim matches; paraphrases are listed apart and never join clusters. */
export interface QuoteCluster {
  /** Derived from the longest member's normalised words: the same whatever order articles came in. */
  readonly id: string;
  /** The longest member's text. */
  readonly text: string;
  readonly occurrences: readonly ClusterOccurrence[];
  readonly paraphrases: readonly ClusterParaphrase[];
}
