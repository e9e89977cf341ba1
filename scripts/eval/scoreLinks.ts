import { locateListings } from './locate';
import { prfScore, type EvalError, type PrfScore } from './metrics';
import type { GoldLink } from './seedsGold';
import { overlapLength, type Range } from './spans';

/** A quote occurrence in one article, in a gold or a predicted cluster. */
export interface LinkOccurrence extends Range {
  file: string;
}

/** One cluster of occurrences of the same quote. */
export type LinkCluster = readonly LinkOccurrence[];

interface GoldOccurrence extends LinkOccurrence {
  cluster: string;
  text: string;
}

/** Places every gold link occurrence; a text listed n times in one file is its n-th occurrence there. */
export function locateGoldLinks(links: readonly GoldLink[], textOf: (file: string) => string | undefined): {
  occurrences: GoldOccurrence[];
  warnings: string[];
} {
  const byFile = new Map<string, Array<{ cluster: string; text: string }>>();
  for (const link of links) {
    for (const occurrence of link.occurrences) {
      const list = byFile.get(occurrence.file) ?? [];
      list.push({ cluster: link.id, text: occurrence.text });
      byFile.set(occurrence.file, list);
    }
  }
  const occurrences: GoldOccurrence[] = [];
  const warnings: string[] = [];
  for (const [file, listed] of byFile) {
    const text = textOf(file);
    const ranges = text === undefined ? [] : locateListings(text, listed.map((item) => item.text));
    listed.forEach((item, index) => {
      const range = ranges[index];
      if (range) occurrences.push({ ...range, file, ...item });
      else warnings.push(`${file}: gold link occurrence not found: ${item.text}`);
    });
  }
  return { occurrences, warnings };
}

/**
 * Pairwise F1: every two occurrences in one gold cluster make a gold pair; a predicted pair
 * counts when both ends land (by overlap, same file) on the two ends of a gold pair.
 */
export function scoreLinks(gold: readonly GoldOccurrence[], predicted: readonly LinkCluster[]): PrfScore {
  const goldPairs = new Set<string>();
  gold.forEach((a, i) =>
    gold.forEach((b, j) => {
      if (i < j && a.cluster === b.cluster) goldPairs.add(`${i}:${j}`);
    }),
  );
  const landOn = (occurrence: LinkOccurrence): number => {
    let best = -1;
    let bestOverlap = 0;
    gold.forEach((g, index) => {
      const overlap = g.file === occurrence.file ? overlapLength(g, occurrence) : 0;
      if (overlap > bestOverlap) [best, bestOverlap] = [index, overlap];
    });
    return best;
  };
  const found = new Set<string>();
  const errors: EvalError[] = [];
  let fp = 0;
  for (const cluster of predicted) {
    const landed = cluster.map(landOn);
    for (let i = 0; i < cluster.length; i += 1) {
      for (let j = i + 1; j < cluster.length; j += 1) {
        const [a, b] = [Math.min(landed[i], landed[j]), Math.max(landed[i], landed[j])];
        const key = `${a}:${b}`;
        if (a >= 0 && a !== b && goldPairs.has(key) && !found.has(key)) found.add(key);
        else {
          fp += 1;
          errors.push({ file: cluster[i].file, kind: 'spurious', text: `${describe(cluster[i])} ~ ${describe(cluster[j])}` });
        }
      }
    }
  }
  for (const key of goldPairs) {
    if (found.has(key)) continue;
    const [a, b] = key.split(':').map(Number);
    errors.push({ file: gold[a].file, kind: 'missed', text: `${gold[a].text} ~ ${gold[b].file}: ${gold[b].text}`, detail: gold[a].cluster });
  }
  return prfScore({ tp: found.size, fp, fn: goldPairs.size - found.size }, errors);
}

function describe(occurrence: LinkOccurrence): string {
  return `${occurrence.file}@${occurrence.start}-${occurrence.end}`;
}
