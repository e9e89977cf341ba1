/**
 * `items.map(each)` whose result is always a packed array. V8 builds the result of `map` packed
 * in its interpreter and holey in optimised code, so a function reading such arrays is optimised
 * for one kind and deoptimised at its first array of the other, then compiled again: in a fresh
 * pass over the bench's 5,000 articles, `registerNames`, `addRun`, `finish`, `closest` and
 * others. An array pushed to element by element is of one kind either way (so is the result
 * of `Array.from`, but the engine ran slower with it).
 */
export function packedMap<T, U>(items: readonly T[], each: (item: T, index: number) => U): U[] {
  const mapped: U[] = [];
  for (let index = 0; index < items.length; index += 1) mapped.push(each(items[index] as T, index));
  return mapped;
}
