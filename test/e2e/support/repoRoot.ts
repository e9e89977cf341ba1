import { resolve } from 'node:path';

/** The repository root: tests run from out/test/e2e (bundled) three folders below it. */
export const repoRoot = resolve(__dirname, '..', '..', '..');
