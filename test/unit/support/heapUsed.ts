import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `gc` is reachable from a new context once the flag is set, without starting mocha with it.
setFlagsFromString('--expose-gc');

/** Bytes of the heap in use after a full collection: what a test keeps alive, garbage left out. */
export function liveHeapBytes(): number {
  // Taken when a test asks, not when test files load: a context made at load kept mocha's process from exiting.
  (runInNewContext('gc') as () => void)();
  return getHeapStatistics().used_heap_size;
}
