import { codePointOffsetsToUtf16, parseBrat, type BratTextBound } from './brat';
import { findQuotedStretches } from './quoteMarks';
import { fragmentsOverlapLength, type Range } from './spans';

/** A direct quote in PolNeAR terms: a quoted stretch inside an attribution's Content. */
export interface PolnearQuote extends Range {
  text: string;
  /** The attribution's Source fragments, or null when it has none. */
  source: { fragments: Range[]; text: string } | null;
}

export interface PolnearArticleGold {
  quotes: PolnearQuote[];
  cues: Array<{ fragments: Range[]; text: string }>;
  warnings: string[];
}

/**
 * Derives the gold of one article from its brat annotations: quotes are the stretches inside
 * quote marks that lie within or overlap a Content span, credited to that attribution's Source.
 */
export function polnearGold(text: string, ann: string, file: string): PolnearArticleGold {
  const brat = parseBrat(ann);
  const warnings = brat.problems.map((problem) => `${file}: unparsed brat ${problem}`);
  const toUtf16 = codePointOffsetsToUtf16(text);
  const fragmentsOf = (bound: BratTextBound): Range[] =>
    bound.fragments.map((fragment) => ({ start: toUtf16(fragment.start), end: toUtf16(fragment.end) }));
  let mismatches = 0;
  for (const bound of brat.textBounds.values()) {
    const slice = fragmentsOf(bound).map((fragment) => text.slice(fragment.start, fragment.end)).join(' ');
    if (slice !== bound.text) mismatches += 1;
  }
  if (mismatches > 0) warnings.push(`${file}: ${mismatches} brat spans whose text differs from the article at their offsets`);

  const attributions = brat.events
    .filter((event) => event.type === 'Attribution')
    .map((event) => {
      const bounds = (role: string) =>
        (event.roles.get(role) ?? []).flatMap((id) => {
          const bound = brat.textBounds.get(id);
          return bound ? [bound] : [];
        });
      const sources = bounds('Source');
      return {
        content: bounds('Content').flatMap(fragmentsOf),
        source: sources.length > 0 ? { fragments: sources.flatMap(fragmentsOf), text: sources.map((s) => s.text).join(' ') } : null,
      };
    });

  const quotes: PolnearQuote[] = [];
  for (const stretch of findQuotedStretches(text)) {
    let best: (typeof attributions)[number] | null = null;
    let bestOverlap = 0;
    for (const attribution of attributions) {
      const overlap = fragmentsOverlapLength([stretch], attribution.content);
      if (overlap > bestOverlap) [best, bestOverlap] = [attribution, overlap];
    }
    if (best) quotes.push({ ...stretch, text: text.slice(stretch.start, stretch.end), source: best.source });
  }
  const cues = [...brat.textBounds.values()]
    .filter((bound) => bound.label === 'Cue')
    .map((bound) => ({ fragments: fragmentsOf(bound), text: bound.text }));
  return { quotes, cues, warnings };
}
