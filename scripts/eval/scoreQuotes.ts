import type { Quote } from '../../server/src/engine/types';
import type { ArticleCase } from './articleCase';
import type { EntityResolver } from './entities';
import { locateListings } from './locate';
import { matchOneToOne } from './match';
import { accuracyScore, prfScore, type AccuracyScore, type EvalError, type PrfScore } from './metrics';
import { overlapLength, type Range } from './spans';

/** A predicted quote finds a gold quote when it covers at least this share of the gold span. */
export const QUOTE_COVERAGE = 0.8;

export interface QuoteScores {
  quotes: PrfScore;
  speakers: AccuracyScore;
  warnings: string[];
}

/** Admissible when the prediction covers enough of the gold span; tighter fits score higher. */
export function quoteMatchScore(gold: Range, predicted: Range): number | null {
  const overlap = overlapLength(gold, predicted);
  const goldLength = gold.end - gold.start;
  if (goldLength <= 0 || overlap < QUOTE_COVERAGE * goldLength) return null;
  const union = Math.max(gold.end, predicted.end) - Math.min(gold.start, predicted.start);
  return overlap / union;
}

/** Quotes P/R/F1 and, over the matched gold quotes, the share credited to the gold speaker. */
export function scoreQuotes(cases: readonly ArticleCase[], resolver: EntityResolver): QuoteScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  const quoteErrors: EvalError[] = [];
  const speakerErrors: EvalError[] = [];
  const warnings: string[] = [];
  for (const { file, text, gold, analysis } of cases) {
    const located = locateListings(text, gold.quotes.map((quote) => quote.text));
    const goldQuotes: Array<Range & { text: string; speaker: string | null }> = [];
    gold.quotes.forEach((quote, index) => {
      const range = located[index];
      if (range) goldQuotes.push({ ...range, ...quote });
      else {
        warnings.push(`${file}: gold quote not found in the text: ${quote.text}`);
        fn += 1;
        quoteErrors.push({ file, kind: 'missed', text: quote.text, detail: 'gold text not in article' });
      }
    });
    const matching = matchOneToOne<(typeof goldQuotes)[number], Quote>(goldQuotes, analysis.quotes, quoteMatchScore);
    tp += matching.pairs.length;
    fn += matching.missed.length;
    fp += matching.spurious.length;
    quoteErrors.push(
      ...matching.missed.map((quote): EvalError => ({ file, kind: 'missed', text: quote.text, detail: `at ${quote.start}` })),
      ...matching.spurious.map((quote): EvalError => ({ file, kind: 'spurious', text: quote.text, detail: `at ${quote.start}` })),
    );
    for (const { gold: goldQuote, predicted } of matching.pairs) {
      if (resolver.sameEntity(predicted.speaker, goldQuote.speaker)) correct += 1;
      else {
        speakerErrors.push({
          file,
          kind: 'wrong',
          text: goldQuote.text,
          detail: `predicted ${predicted.speaker ?? 'nobody'}, gold ${goldQuote.speaker ?? 'nobody'}`,
        });
      }
    }
  }
  return { quotes: prfScore({ tp, fp, fn }, quoteErrors), speakers: accuracyScore(correct, tp, speakerErrors), warnings };
}
