import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The first argument that makes the benchmark's script time the engine instead (see engineAloneMs). */
export const ENGINE_ALONE_FLAG = '--engine-alone';

/**
 * Milliseconds the built engine takes over every article of `articleDir`, alone on one thread
 * of a fresh process: its own warm-up included, without the server around it (start-up, the
 * worker's messages, the threads it shares the cores with). Beside the server's cold run, it
 * tells what the server costs on top of the engine. Runs the benchmark's own script again, which
 * calls `timeEngineAlone` when given ENGINE_ALONE_FLAG.
 */
export function engineAloneMs(engineBundle: string, articleDir: string): number {
  const output = execFileSync(process.execPath, [process.argv[1] as string, ENGINE_ALONE_FLAG, engineBundle, articleDir], { encoding: 'utf8' });
  return (JSON.parse(output) as { ms: number }).ms;
}

/** The child's side of engineAloneMs: the files are read before the clock starts. */
export function timeEngineAlone(engineBundle: string, articleDir: string): void {
  const texts = readdirSync(articleDir)
    .sort()
    .map((file) => readFileSync(join(articleDir, file), 'utf8'));
  const { analyze } = require(engineBundle) as { analyze: (text: string) => unknown };
  const started = performance.now();
  for (const text of texts) analyze(text);
  console.log(JSON.stringify({ ms: performance.now() - started }));
}
