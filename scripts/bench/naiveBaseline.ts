import nlp from 'compromise';

/** Passes over the sample; the fastest counts, so that a busy moment never flatters the ratio to it. */
const PASSES = 3;

/**
 * The naive way to do what the engine does: compromise over each whole article, asking for
 * its people, organisations and quotations. Returns the bytes read and the milliseconds of the
 * fastest of a few passes over the texts.
 */
export function naiveThroughput(texts: readonly string[]): { bytes: number; ms: number } {
  // compromise builds its lexicon on first use; that start-up cost is not the baseline's.
  nlp('Warm up, said Jane Doe of the United Nations.').people().json();
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  let fastest = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < PASSES; pass++) {
    const started = performance.now();
    for (const text of texts) {
      const document = nlp(text);
      document.people().json();
      document.organizations().json();
      document.quotations().json();
    }
    fastest = Math.min(fastest, performance.now() - started);
  }
  return { bytes, ms: fastest };
}
