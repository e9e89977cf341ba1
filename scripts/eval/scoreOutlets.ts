import type { Span } from '../../server/src/engine/types';
import type { ArticleCase } from './articleCase';
import { wordOccurrences } from './locate';
import { matchOneToOne } from './match';
import { prfScore, type EvalError, type PrfScore } from './metrics';
import { overlapLength, type Range } from './spans';

export interface OutletScores {
  outlets: PrfScore;
  warnings: string[];
}

/** Outlet mentions: the gold's {text, count} placed as the first `count` whole-word occurrences, matched by span. */
export function scoreOutlets(cases: readonly ArticleCase[]): OutletScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: EvalError[] = [];
  const warnings: string[] = [];
  for (const { file, text, gold, analysis } of cases) {
    const goldMentions: Array<Range & { text: string }> = [];
    for (const outlet of gold.outlets) {
      const found = wordOccurrences(text, outlet.text);
      if (found.length !== outlet.count) {
        warnings.push(`${file}: gold says ${outlet.count}× "${outlet.text}", the text has ${found.length}`);
      }
      for (const range of found.slice(0, outlet.count)) goldMentions.push({ ...range, text: outlet.text });
      const unplaced = Math.max(0, outlet.count - found.length);
      fn += unplaced;
      for (let i = 0; i < unplaced; i += 1) errors.push({ file, kind: 'missed', text: outlet.text, detail: 'gold text not in article' });
    }
    const predicted: Array<Span & { outlet: string }> = analysis.outlets.flatMap((outlet) =>
      outlet.mentions.map((mention) => ({ ...mention, outlet: outlet.name })),
    );
    const matching = matchOneToOne(goldMentions, predicted, (g, p) => overlapLength(g, p) || null);
    tp += matching.pairs.length;
    fn += matching.missed.length;
    fp += matching.spurious.length;
    errors.push(
      ...matching.missed.map((mention): EvalError => ({ file, kind: 'missed', text: mention.text, detail: `at ${mention.start}` })),
      ...matching.spurious.map(
        (mention): EvalError => ({ file, kind: 'spurious', text: mention.text, detail: `${mention.outlet} at ${mention.start}` }),
      ),
    );
  }
  return { outlets: prfScore({ tp, fp, fn }, errors), warnings };
}
