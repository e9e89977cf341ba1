import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Identifies the engine build: the hash of the bundle that runs it (rules, lexicons and
 * gazetteers are all inside). Any rebuild makes persisted analyses stale, which errs on the
 * safe side.
 */
export function engineVersion(bundlePath: string): string {
  try {
    return createHash('sha1').update(readFileSync(bundlePath)).digest('hex');
  } catch {
    // Unknown build: a version no stored index can carry, so nothing stale is ever reused.
    return `unknown-${process.pid}-${Date.now()}`;
  }
}
