import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Which files of a workspace folder are articles, by the `articleLens.include` globs. */
export class IncludedFiles {
  private readonly matches: (path: string) => boolean;

  constructor(
    readonly folderPath: string,
    readonly globs: readonly string[],
  ) {
    this.matches = picomatch([...globs], { dot: false, ignore: ALWAYS_IGNORED });
  }

  includes(path: string): boolean {
    const inside = relative(this.folderPath, path);
    if (inside.startsWith('..') || inside === '') return false;
    return this.matches(inside.split(sep).join('/'));
  }

  /** Absolute paths of every included file, sorted so indexing order is stable. */
  async list(): Promise<string[]> {
    if (this.globs.length === 0) return [];
    const files = await glob([...this.globs], { cwd: this.folderPath, absolute: true, ignore: ALWAYS_IGNORED, onlyFiles: true });
    return files.sort();
  }
}
