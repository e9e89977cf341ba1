import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One path the user named, turned into the article files it stands for, or the reason it cannot be read. */
export type ExpandedPath = { kind: 'file'; file: string } | { kind: 'error'; path: string; message: string };

/** Files stay as given; a folder becomes its own `.txt` files (not its subfolders'), sorted by name. */
export function expandArticlePaths(paths: readonly string[]): ExpandedPath[] {
  return paths.flatMap((path) => expandOne(path));
}

function expandOne(path: string): ExpandedPath[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return [{ kind: 'error', path, message: missing ? 'no such file or folder' : messageOf(error) }];
  }
  if (!isDirectory) return [{ kind: 'file', file: path }];
  const names = readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.txt'))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) return [{ kind: 'error', path, message: 'folder has no .txt files' }];
  return names.map((name) => ({ kind: 'file', file: join(path, name) }));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
