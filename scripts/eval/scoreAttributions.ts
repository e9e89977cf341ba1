import type { Attribution } from '../../server/src/engine/types';
import type { ArticleCase } from './articleCase';
import type { EntityResolver } from './entities';
import { locateListings } from './locate';
import { matchOneToOne } from './match';
import { prfScore, type EvalError, type PrfScore } from './metrics';
import { overlapLength, overlaps, type Range } from './spans';

export interface AttributionScores {
  attributions: PrfScore;
  warnings: string[];
}

type GoldAttribution = Range & { text: string; source: string };

/**
 * A prediction matches a gold attribution when the spans overlap and its source is the same
 * entity. Predictions of kind `unnamed` are left out (annotation guide, "Attribution").
 */
export function scoreAttributions(cases: readonly ArticleCase[], resolver: EntityResolver): AttributionScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: EvalError[] = [];
  const warnings: string[] = [];
  for (const { file, text, gold, analysis } of cases) {
    const located = locateListings(text, gold.attributions.map((attribution) => attribution.text));
    const goldAttributions: GoldAttribution[] = [];
    gold.attributions.forEach((attribution, index) => {
      const range = located[index];
      if (range) goldAttributions.push({ ...range, text: attribution.text, source: attribution.source });
      else {
        warnings.push(`${file}: gold attribution not found in the text: ${attribution.text}`);
        fn += 1;
        errors.push({ file, kind: 'missed', text: attribution.text, detail: 'gold text not in article' });
      }
    });
    const predicted = analysis.attributions.filter((attribution) => attribution.kind !== 'unnamed');
    const matching = matchOneToOne<GoldAttribution, Attribution>(goldAttributions, predicted, (g, p) =>
      overlaps(g, p) && resolver.sameEntity(p.source, g.source) ? overlapLength(g, p) : null,
    );
    tp += matching.pairs.length;
    fn += matching.missed.length;
    fp += matching.spurious.length;
    errors.push(
      ...matching.missed.map((g): EvalError => ({ file, kind: 'missed', text: g.text, detail: `source ${g.source}` })),
      ...matching.spurious.map((p): EvalError => ({ file, kind: 'spurious', text: p.text, detail: spuriousDetail(p, goldAttributions) })),
    );
  }
  return { attributions: prfScore({ tp, fp, fn }, errors), warnings };
}

function spuriousDetail(predicted: Attribution, gold: readonly GoldAttribution[]): string {
  const near = gold.find((g) => overlaps(g, predicted));
  return near ? `source ${predicted.source}, gold source here ${near.source}` : `source ${predicted.source}`;
}
