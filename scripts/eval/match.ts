export interface Matching<G, P> {
  pairs: Array<{ gold: G; predicted: P }>;
  missed: G[];
  spurious: P[];
}

/**
 * One-to-one matching: every admissible (gold, prediction) pair gets a score (null = may not
 * match), and pairs are taken best score first. Greedy is enough: candidates rarely compete.
 */
export function matchOneToOne<G, P>(
  gold: readonly G[],
  predicted: readonly P[],
  score: (gold: G, predicted: P) => number | null,
): Matching<G, P> {
  const candidates: Array<{ g: number; p: number; score: number }> = [];
  gold.forEach((goldItem, g) =>
    predicted.forEach((predictedItem, p) => {
      const value = score(goldItem, predictedItem);
      if (value !== null) candidates.push({ g, p, score: value });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.g - b.g || a.p - b.p);
  const goldTaken = new Set<number>();
  const predictedTaken = new Set<number>();
  const pairs: Matching<G, P>['pairs'] = [];
  for (const candidate of candidates) {
    if (goldTaken.has(candidate.g) || predictedTaken.has(candidate.p)) continue;
    goldTaken.add(candidate.g);
    predictedTaken.add(candidate.p);
    pairs.push({ gold: gold[candidate.g], predicted: predicted[candidate.p] });
  }
  return {
    pairs,
    missed: gold.filter((_, g) => !goldTaken.has(g)),
    spurious: predicted.filter((_, p) => !predictedTaken.has(p)),
  };
}
