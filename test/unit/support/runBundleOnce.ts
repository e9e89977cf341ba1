// Runs a bundle once in a process of its own, as a server start does, and prints what runBundle
// said: V8 keeps what one process compiled, so only a new process shows what a cache is worth.
// Usage: node runBundleOnce.js BUNDLE [CACHE_FOLDER]
import { runBundle } from '../../../server/src/bundleLoader';

const [bundle, cacheFolder] = process.argv.slice(2);
const result = runBundle(bundle as string, cacheFolder, 0);
// After the cache, due at once, has been written.
setTimeout(() => process.stdout.write(JSON.stringify(result)), 20);
