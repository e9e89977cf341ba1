/** The named limits of cross-article matching (annotation guide, "Cross-article quote links"). */

/** Quotes this short (in words) match only as a whole: equal, or contained in another quote. */
export const SHORT_QUOTE_WORDS = 3;
/** A quote contained in another must have at least this many words (one word matches only when equal). */
export const MIN_CONTAINED_WORDS = 2;
/** A shared run of this many consecutive words makes two quotes a partial match. */
export const MIN_SHARED_RUN = 6;
/** ... or a shared run covering this share of the shorter quote ... */
export const MIN_SHARED_RUN_SHARE = 0.6;
/** ... as long as that run has at least this many words. */
export const MIN_PROPORTIONAL_RUN = 5;
/** Words an ellipsis or bracketed insertion may stand for when one quote is found inside another. */
export const MAX_GAP_WORDS = 60;
/** Word pairs found in more quotes than this are too common to look candidates up by. */
export const MAX_PAIR_POSTINGS = 500;

/** Quotes shorter than this (in words) are not looked for as paraphrases. */
export const MIN_PARAPHRASED_QUOTE_WORDS = 6;
/** A paraphrase shares at least this many content words with the quote, in order. */
export const MIN_PARAPHRASE_SHARED = 5;
/** ... and covers this share of the quote's content words ... */
export const MIN_PARAPHRASE_COVERAGE = 0.6;
/** ... unless it restates a part of a long quote by at least this many content words. */
export const MIN_PARAPHRASE_SHARED_PART = 8;
/** Shared words per word in the aligned stretch, on each side: what keeps chance overlaps out. */
export const MIN_PARAPHRASE_DENSITY = 0.7;
/** Alignment scores: one per shared word, these penalties for a differing or extra word. */
export const PARAPHRASE_MISMATCH_PENALTY = 0.5;
export const PARAPHRASE_GAP_PENALTY = 0.5;
/** Content words found in more prose passages than this are too common to look up. */
export const MAX_WORD_POSTINGS = 2000;
/** A passage must share at least this many looked-up content words with the quote to be aligned. */
export const MIN_PARAPHRASE_LOOKUP_HITS = 2;
/** Passages aligned per quote, those sharing the most content words first. */
export const MAX_PARAPHRASE_CANDIDATES = 50;
