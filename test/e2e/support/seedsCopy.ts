import { chmod, copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './repoRoot';

export interface SeedsCopy {
  /** Absolute path of the copy; its name is `seeds`, so the extension's include globs match it. */
  folder: string;
  /** A writable folder outside the workspace, for logs; removed with the copy. */
  scratch: string;
  remove(): Promise<void>;
}

/** Copies seeds/ to a writable temporary folder, so tests can add files without touching the repo. */
export async function copySeeds(): Promise<SeedsCopy> {
  const root = await mkdtemp(join(tmpdir(), 'article-lens-workspace-'));
  const folder = join(root, 'seeds');
  await mkdir(folder);
  for (const name of await readdir(join(repoRoot, 'seeds'))) {
    const target = join(folder, name);
    await copyFile(join(repoRoot, 'seeds', name), target);
    await chmod(target, 0o644);
  }
  return { folder, scratch: root, remove: () => rm(root, { recursive: true, force: true }) };
}
