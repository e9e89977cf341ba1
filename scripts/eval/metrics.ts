/** Counts of a one-to-one matching between predictions and gold items. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** One thing the scorer wants a person to look at: a gold item missed, a prediction not in the gold, a wrong speaker. */
export interface EvalError {
  file: string;
  kind: 'missed' | 'spurious' | 'wrong';
  text: string;
  detail?: string;
}

export interface PrfScore extends Counts {
  kind: 'prf';
  precision: number;
  recall: number;
  f1: number;
  errors: EvalError[];
}

export interface AccuracyScore {
  kind: 'accuracy';
  correct: number;
  total: number;
  accuracy: number;
  errors: EvalError[];
}

export type Score = PrfScore | AccuracyScore;

// With nothing to measure (no predictions and no gold) a ratio is perfect; with gold but no
// predictions it is 0, so an engine that finds nothing never looks good.
function ratio(part: number, whole: number, emptyIsPerfect: boolean): number {
  if (whole === 0) return emptyIsPerfect ? 1 : 0;
  return part / whole;
}

export function prfScore(counts: Counts, errors: EvalError[] = []): PrfScore {
  const nothingAtAll = counts.tp + counts.fp + counts.fn === 0;
  const precision = ratio(counts.tp, counts.tp + counts.fp, nothingAtAll);
  const recall = ratio(counts.tp, counts.tp + counts.fn, nothingAtAll);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { kind: 'prf', ...counts, precision, recall, f1, errors };
}

export function accuracyScore(correct: number, total: number, errors: EvalError[] = []): AccuracyScore {
  return { kind: 'accuracy', correct, total, accuracy: ratio(correct, total, true), errors };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export const NO_COUNTS: Counts = { tp: 0, fp: 0, fn: 0 };
