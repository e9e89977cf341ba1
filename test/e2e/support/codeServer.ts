import type { CodeServerOptions, RunningCodeServer } from '../../../scripts/code-server.mjs' with { 'resolution-mode': 'import' };

export type { RunningCodeServer };

/** scripts/code-server.mjs is plain ESM (npm start runs it before any build), so it is imported dynamically. */
export async function startIsolatedCodeServer(options: CodeServerOptions = {}): Promise<RunningCodeServer> {
  const { startCodeServer } = await import('../../../scripts/code-server.mjs');
  return startCodeServer(options);
}
