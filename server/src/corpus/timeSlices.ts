/**
 * Long work on the server's thread, cut into slices: between two slices, requests waiting on
 * the connection (a hover, a keystroke's tokens) are answered. Promises alone never let them in:
 * a chain of resolved awaits runs to its end before the event loop reads any input.
 */
export class TimeSlices {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs: number) {}

  /** Whether this slice has run its time: a loop of tens of thousands of short steps asks this before awaiting `yieldIfDue`. */
  get due(): boolean {
    return performance.now() - this.sliceStart > this.sliceMs;
  }

  /** Lets waiting requests in if this slice has run its time; resolves at once otherwise. */
  async yieldIfDue(): Promise<void> {
    if (!this.due) return;
    await new Promise((resume) => setImmediate(resume));
    this.sliceStart = performance.now();
  }

  /**
   * Lets waiting requests in now, wherever it is called from. Input is read in the event loop's
   * poll phase, and an immediate queued from an I/O callback (a file written) runs before the
   * next poll: only the second of two is sure to come after one.
   */
  async letRequestsIn(): Promise<void> {
    await new Promise((resume) => setImmediate(resume));
    await new Promise((resume) => setImmediate(resume));
    this.sliceStart = performance.now();
  }
}
