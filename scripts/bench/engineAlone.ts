import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The first argument that makes the benchmark's script time the engine instead (see engineAloneTimes). */
export const ENGINE_ALONE_FLAG = '--engine-alone';

/** Milliseconds of the engine's two passes over the articles (see engineAloneTimes). */
export interface EngineAloneTimes {
  /** The first pass: its warm-up included (V8's compilers, compromise, the memos). */
  cold: number;
  /** The second pass over the same articles: the engine compiled, and its memos (names, words) holding every answer it needs. */
  warm: number;
}

/**
 * Milliseconds the built engine takes over every article of `articleDir`, alone on one thread
 * of a fresh process: first with its own warm-up, then again once warm. Without the server
 * around it (start-up, the worker's messages, the threads it shares the cores with), beside the
 * server's cold run it tells what the server costs on top of the engine; the second pass tells
 * what the warm-up costs (a lower bound for new articles: it asks compromise about no name).
 * Runs the benchmark's own script again, which calls `timeEngineAlone` when given
 * ENGINE_ALONE_FLAG.
 */
export function engineAloneTimes(engineBundle: string, articleDir: string): EngineAloneTimes {
  const output = execFileSync(process.execPath, [process.argv[1] as string, ENGINE_ALONE_FLAG, engineBundle, articleDir], { encoding: 'utf8' });
  return JSON.parse(output) as EngineAloneTimes;
}

/** The child's side of engineAloneTimes: the files are read before the clock starts. */
export function timeEngineAlone(engineBundle: string, articleDir: string): void {
  const texts = readdirSync(articleDir)
    .sort()
    .map((file) => readFileSync(join(articleDir, file), 'utf8'));
  const { analyze } = require(engineBundle) as { analyze: (text: string) => unknown };
  const pass = (): number => {
    const started = performance.now();
    for (const text of texts) analyze(text);
    return performance.now() - started;
  };
  const cold = pass();
  const times: EngineAloneTimes = { cold, warm: pass() };
  console.log(JSON.stringify(times));
}
