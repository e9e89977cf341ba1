import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { threadId } from 'node:worker_threads';

type BundleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

/**
 * Runs a bundle as `require` would, with V8's code cache for it kept in `cacheFolder` (none when
 * undefined): a later start takes the bytecode of every function the bundle had compiled by
 * then instead of parsing and compiling them again, the server's start-up and the analysis
 * worker's first hundred articles alike. The cache is named after the bundle's content and the
 * V8 build, is written `writeAfterMs` after a start that had none (by then the functions a
 * session uses have run), and anything wrong with it only costs the time it would have saved:
 * V8 rejects data that does not fit, and a cache that cannot be written is not.
 */
export function runBundle(bundlePath: string, cacheFolder: string | undefined, writeAfterMs: number): { exports: unknown; cacheUsed: boolean } {
  const source = readFileSync(bundlePath, 'utf8');
  // An empty folder name would put the cache wherever the process happens to run.
  const cachePath = cacheFolder ? join(cacheFolder, cacheName(bundlePath, source)) : null;
  const cachedData = cachePath === null ? undefined : readIfThere(cachePath);
  const script = new Script(wrap(source), { filename: bundlePath, cachedData });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const bundleModule = { exports: {} as unknown };
  (script.runInThisContext() as BundleFunction)(bundleModule.exports, createRequire(bundlePath), bundleModule, bundlePath, dirname(bundlePath));
  if (cachePath !== null && !cacheUsed) setTimeout(() => writeCache(cachePath, script), writeAfterMs).unref();
  return { exports: bundleModule.exports, cacheUsed };
}

function cacheName(bundlePath: string, source: string): string {
  const digest = createHash('sha1').update(source).update(`\0${process.versions.v8}\0${process.arch}`).digest('hex').slice(0, 16);
  return `${basename(bundlePath)}.${digest}.cache`;
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Writes the cache whole (through a file of its own, renamed), and removes the bundle's older ones. */
function writeCache(path: string, script: Script): void {
  const folder = dirname(path);
  const temporary = `${path}.${process.pid}.${threadId}.tmp`;
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, path);
    const bundle = basename(path).split('.').slice(0, -2).join('.');
    for (const name of readdirSync(folder)) {
      if (name !== basename(path) && name.startsWith(`${bundle}.`) && name.endsWith('.cache')) rmSync(join(folder, name), { force: true });
    }
  } catch {
    removeQuietly(temporary);
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Its folder is not there to hold it (or is no folder): there is nothing to remove.
  }
}
