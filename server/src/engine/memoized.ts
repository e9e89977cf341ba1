/**
 * A pure function of a string that works out each answer once: articles repeat their names and
 * words, and a corpus repeats them across articles. Past `limit` answers it forgets them all
 * and starts afresh, so that memory stays bounded however many articles go through.
 */
export function memoized<T>(compute: (key: string) => T, limit = 20_000): (key: string) => T {
  const answers = new Map<string, T | typeof NO_ANSWER>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined) return (known === NO_ANSWER ? undefined : known) as T;
    if (answers.size >= limit) answers.clear();
    const answer = compute(key);
    answers.set(key, answer === undefined ? NO_ANSWER : answer);
    return answer;
  };
}

/** Stands for an undefined answer in a memo, so that a known one takes a single lookup (most names are no known organisation). */
const NO_ANSWER = Symbol('no answer');

/**
 * `memoized` for a function of two strings, keyed by both strings as they are rather than by a
 * joined one: a string made by joining must be read whole to be hashed at every call, while the
 * names compared are mostly strings already hashed (V8 keeps a string's hash with it).
 */
export function memoizedPair<T>(compute: (left: string, right: string) => T, limit = 20_000): (left: string, right: string) => T {
  const answers = new Map<string, Map<string, T>>();
  let size = 0;
  return (left, right) => {
    const row = answers.get(left);
    const known = row?.get(right);
    if (known !== undefined || row?.has(right) === true) return known as T;
    if (size >= limit) {
      answers.clear();
      size = 0;
    }
    const answer = compute(left, right);
    let current = answers.get(left);
    if (current === undefined) {
      current = new Map<string, T>();
      answers.set(left, current);
    }
    current.set(right, answer);
    size += 1;
    return answer;
  };
}
