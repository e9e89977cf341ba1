import nlp from 'compromise';

/** Passes over the sample; the fastest counts, so that a busy moment never flatters the ratio to it. */
const PASSES = 3;
/**
 * Untimed passes first: V8 optimises compromise's code while it parses its first articles. Over
 * the bench's 60, the first pass ran at 0.105-0.119 MB/s and later ones at 0.150-0.172 (fifteen
 * passes, two processes); the fastest of the first three passes was 0.134 MB/s against 0.184 for
 * the next three. Timed from the start, the baseline was a compromise still warming up.
 */
const WARM_UP_PASSES = 3;

/**
 * The naive way to do what the engine does: compromise over each whole article, asking for
 * its people, organisations and quotations. Returns the bytes read and the milliseconds of the
 * fastest of a few passes over the texts, once compromise has warmed up on them.
 */
export function naiveThroughput(texts: readonly string[]): { bytes: number; ms: number } {
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) analyseNaively(texts);
  let fastest = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < PASSES; pass++) {
    const started = performance.now();
    analyseNaively(texts);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return { bytes, ms: fastest };
}

function analyseNaively(texts: readonly string[]): void {
  for (const text of texts) {
    const document = nlp(text);
    document.people().json();
    document.organizations().json();
    document.quotations().json();
  }
}
