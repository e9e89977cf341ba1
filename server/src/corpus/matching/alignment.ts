import { PARAPHRASE_GAP_PENALTY, PARAPHRASE_MISMATCH_PENALTY } from './thresholds';

/** The best locally aligned stretch of two word sequences (word indices, `to` exclusive). */
export interface LocalAlignment {
  readonly matched: number;
  readonly leftFrom: number;
  readonly leftTo: number;
  readonly rightFrom: number;
  readonly rightTo: number;
}

const STOP = 0;
const DIAGONAL = 1;
const UP = 2;
const LEFT = 3;

/**
 * Smith-Waterman over word ids: +1 per shared word, a penalty per differing or extra word. Finds
 * the stretch where two texts say the same words in the same order, allowing small edits.
 */
export function alignLocally(left: ArrayLike<number>, right: ArrayLike<number>): LocalAlignment | null {
  const width = right.length + 1;
  const scores = new Float64Array((left.length + 1) * width);
  const moves = new Uint8Array((left.length + 1) * width);
  let bestScore = 0;
  let bestCell = -1;
  for (let i = 1; i <= left.length; i += 1) {
    for (let j = 1; j <= right.length; j += 1) {
      const cell = i * width + j;
      const same = left[i - 1] === right[j - 1] && left[i - 1] !== 0;
      const diagonal = (scores[cell - width - 1] ?? 0) + (same ? 1 : -PARAPHRASE_MISMATCH_PENALTY);
      const up = (scores[cell - width] ?? 0) - PARAPHRASE_GAP_PENALTY;
      const leftward = (scores[cell - 1] ?? 0) - PARAPHRASE_GAP_PENALTY;
      let score = 0;
      let move = STOP;
      if (diagonal > score) [score, move] = [diagonal, DIAGONAL];
      if (up > score) [score, move] = [up, UP];
      if (leftward > score) [score, move] = [leftward, LEFT];
      scores[cell] = score;
      moves[cell] = move;
      if (score > bestScore) [bestScore, bestCell] = [score, cell];
    }
  }
  if (bestCell < 0) return null;
  let i = Math.floor(bestCell / width);
  let j = bestCell % width;
  const leftTo = i;
  const rightTo = j;
  let matched = 0;
  let leftFrom = i;
  let rightFrom = j;
  for (let move = moves[i * width + j] ?? STOP; move !== STOP; move = moves[i * width + j] ?? STOP) {
    if (move === DIAGONAL) {
      if (left[i - 1] === right[j - 1]) {
        matched += 1;
        leftFrom = i - 1;
        rightFrom = j - 1;
      }
      i -= 1;
      j -= 1;
    } else if (move === UP) i -= 1;
    else j -= 1;
  }
  return { matched, leftFrom, leftTo, rightFrom, rightTo };
}
