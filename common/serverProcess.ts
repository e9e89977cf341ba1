import { availableParallelism } from 'node:os';

/**
 * The environment variable that names the folder where the server and its analysis workers keep
 * V8's code cache of their bundles (see runBundle); without it they run uncached.
 */
export const CODE_CACHE_ENV = 'ARTICLE_LENS_CODE_CACHE';

/** Analysis worker threads the server runs at most (see AnalysisPool): each holds its own copy of the engine. */
const MAX_ANALYSIS_WORKERS = 2;

/**
 * The environment variable that sets how many analysis workers the server runs (1 or 2),
 * whatever the cores: the benchmark measures with it the memory of a machine with more cores.
 */
export const ANALYSIS_WORKERS_ENV = 'ARTICLE_LENS_ANALYSIS_WORKERS';

/** Analysis workers on a machine with `cores` cores: never the core the server's own thread needs. */
export function analysisWorkerCount(cores: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env[ANALYSIS_WORKERS_ENV]);
  if (Number.isInteger(asked) && asked >= 1 && asked <= MAX_ANALYSIS_WORKERS) return asked;
  return Math.min(MAX_ANALYSIS_WORKERS, Math.max(1, cores - 1));
}

/**
 * Node flags of the language server's process, declared once for every way it is started (the
 * extension's client, the benchmark, the protocol tests).
 *
 * V8 sizes the young generation of a process by the machine's memory, and every megabyte of it
 * is kept resident three times over (two semi-spaces and the promotion area). A keystroke in a
 * 100 KB article allocates about 2 MB: with semi-spaces of 2 MB its results were still alive at
 * the next scavenge and were promoted, filling the old generation towards a full collection
 * every 50 keystrokes or so; 4 MB, fixed, lets them die young (npm run bench, four alternated
 * runs each: keystroke p95 11.4-13.7 ms against 12.6-17.0, peak RSS 272-276 MB against
 * 268-277). After each full collection V8 lets the heap grow to a multiple of what survived, a
 * large one while the server allocates fast (typing in a long article): growth of half the
 * live heap keeps a 5,000-article workspace about 130 MB smaller at a few milliseconds of
 * keystroke latency.
 *
 * The old generation starts with room for 64 MB before its first full collection: V8 sizes it
 * for a small heap, and with growth of half the live heap a warm start of 5,000 articles (a
 * heap of about 75 MB, built in under a second) ran seven full collections, four of them while
 * the persisted index was read. Warm start 735-796 ms against 796-864 (four alternated runs
 * each; 32 MB gained nothing); peak RSS of a 100-article workspace 133 MB against 118, of
 * 1,000 articles 157 against 144, of 5,000 unchanged.
 *
 * V8's helper threads (concurrent marking and sweeping, parallel scavenges, for the server's
 * heap and its workers' alike) get the cores left beside the server's thread and its analysis
 * workers: at least one, at most Node's default of four. On two cores Node's four helpers,
 * marking the heap, took both cores from the thread answering hovers and from the worker
 * analysing a keystroke (npm run bench, five runs each: hover p95 during indexing 3.3-4.1 ms
 * with four helpers, 3.0-3.4 ms with one; keystroke p95 13.3-17.3 against 13.8-15.2 ms).
 *
 * V8's allocation-site pretenuring is off. V8 allocates an allocation site's objects straight
 * in the old generation once most of them were found alive at a scavenge. Typing in a long
 * article misleads it: each keystroke's joined analysis lives until the next keystroke's join
 * replaces it, and that join, the keystroke's largest allocation, is what triggers the
 * scavenge that finds it alive. Pretenured, every later analysis went to the old generation,
 * which only a full collection frees: 6 full collections in 400 keystrokes into the 100 KB
 * article with 5,000 articles indexed, 223-258 ms of marking on the server's thread; without
 * pretenuring 3, and 95-119 ms (keystroke p95 9.6-11.4 ms against 10.0-13.3, p99 14.3-17.8
 * against 36.7-59.6; four alternated runs each). Peak RSS fell from 279-282 to 263-267 MB
 * (npm run bench, three alternated runs each); warm starts and cold indexing were unchanged.
 */
export function serverNodeArgs(cores = availableParallelism()): string[] {
  const gcHelpers = Math.min(4, Math.max(1, cores - 1 - analysisWorkerCount(cores)));
  return ['--min-semi-space-size=4', '--max-semi-space-size=4', '--heap-growing-percent=50', '--initial-old-space-size=64', `--v8-pool-size=${gcHelpers}`, '--no-allocation-site-pretenuring'];
}
