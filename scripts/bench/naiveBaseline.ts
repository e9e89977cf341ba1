import nlp from 'compromise';

/**
 * The naive way to do what the engine does: compromise over each whole article, asking for
 * its people, organisations and quotations. Returns the throughput in bytes per millisecond.
 */
export function naiveThroughput(texts: readonly string[]): { bytes: number; ms: number } {
  // compromise builds its lexicon on first use; that start-up cost is not the baseline's.
  nlp('Warm up, said Jane Doe of the United Nations.').people().json();
  let bytes = 0;
  const started = performance.now();
  for (const text of texts) {
    const document = nlp(text);
    document.people().json();
    document.organizations().json();
    document.quotations().json();
    bytes += Buffer.byteLength(text);
  }
  return { bytes, ms: performance.now() - started };
}
