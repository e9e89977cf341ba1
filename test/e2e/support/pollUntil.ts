/**
 * Re-measures until `done` accepts the measurement or `timeoutMs` passes, then returns the last
 * measurement either way: the caller asserts on it, so a timeout fails with the real values.
 */
export async function pollUntil<T>(measure: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await measure();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
