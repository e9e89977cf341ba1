/**
 * A pure function of a string that works out each answer once: articles repeat their names and
 * words, and a corpus repeats them across articles. Past `limit` answers it forgets them all
 * and starts afresh, so that memory stays bounded however many articles go through.
 */
export function memoized<T>(compute: (key: string) => T, limit = 20_000): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as T;
    if (answers.size >= limit) answers.clear();
    const answer = compute(key);
    answers.set(key, answer);
    return answer;
  };
}
