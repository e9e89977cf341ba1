/** One fuzzed property: checked with a few thousand seeded runs in `npm test`, many more by `npm run fuzz`. */
export interface FuzzCase {
  readonly name: string;
  /** Runs in the unit suite; the long run shares its budget out in these proportions. */
  readonly unitRuns: number;
  /** Throws (with fast-check's counterexample, seed and path) when the property fails. */
  check(numRuns: number, seed: number): void;
}
