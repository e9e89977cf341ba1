import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Which files of a workspace folder are articles, by the `articleLens.include` globs. A glob
 * matches the path relative to the folder or the absolute path, as VS Code's own
 * filenamePatterns do: `**∕seeds∕**∕*.txt` covers a workspace opened on the seeds folder itself.
 */
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
    return this.matches(toGlobPath(inside)) || this.matches(toGlobPath(path).replace(/^\/+/, ''));
  }

  /**
   * Absolute paths of every included file, sorted so indexing order is stable, and of every
   * file seen while listing them (included or not).
   */
  async list(): Promise<{ included: string[]; seen: ReadonlySet<string> }> {
    if (this.globs.length === 0) return { included: [], seen: new Set() };
    const files = await glob(['**/*'], { cwd: this.folderPath, absolute: true, ignore: ALWAYS_IGNORED, onlyFiles: true });
    return { included: files.filter((file) => this.includes(file)).sort(), seen: new Set(files) };
  }
}

function toGlobPath(path: string): string {
  return path.split(sep).join('/');
}
