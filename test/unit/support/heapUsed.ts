import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `gc` is reachable from a new context once the flag is set, without starting mocha with it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Bytes of the heap in use after a full collection: what a test keeps alive, garbage left out. */
export function liveHeapBytes(): number {
  collectGarbage();
  return getHeapStatistics().used_heap_size;
}
