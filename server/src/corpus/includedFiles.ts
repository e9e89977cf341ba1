import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Which files of a workspace folder are articles, by the `articleLens.include` globs. A glob
 * matches the path relative to the folder or the absolute path, as VS Code's own
 * filenamePatterns do: `**∕seeds∕**∕*.txt` covers a workspace opened on the seeds folder itself.
 */
export class IncludedFiles {
  /**
   * The globs as plain regular expressions: picomatch's matcher function also normalises and
   * describes every path it tests, which cost more than the tests at a listing of thousands of files.
   */
  private readonly patterns: readonly RegExp[];
  private readonly ignored: readonly RegExp[];

  constructor(
    readonly folderPath: string,
    readonly globs: readonly string[],
  ) {
    this.patterns = globs.map((pattern) => picomatch.makeRe(pattern, { dot: false }));
    this.ignored = ALWAYS_IGNORED.map((pattern) => picomatch.makeRe(pattern, { dot: false }));
  }

  includes(path: string): boolean {
    const inside = relative(this.folderPath, path);
    if (inside.startsWith('..') || inside === '') return false;
    return this.includesRelative(toGlobPath(inside), path);
  }

  /**
   * Absolute paths of every included file, sorted so indexing order is stable, and of every
   * file seen while listing them (included or not).
   */
  async list(): Promise<{ included: string[]; seen: ReadonlySet<string> }> {
    if (this.globs.length === 0) return { included: [], seen: new Set() };
    const inside = await glob(['**/*'], { cwd: this.folderPath, ignore: ALWAYS_IGNORED, onlyFiles: true });
    const included: string[] = [];
    const seen = new Set<string>();
    for (const file of inside) {
      const path = join(this.folderPath, file);
      seen.add(path);
      if (this.includesRelative(file, path)) included.push(path);
    }
    return { included: included.sort(), seen };
  }

  /** `inside`: the path relative to the folder, with forward slashes. */
  private includesRelative(inside: string, path: string): boolean {
    return this.matches(inside) || this.matches(toGlobPath(path).replace(/^\/+/, ''));
  }

  private matches(globPath: string): boolean {
    return this.patterns.some((pattern) => pattern.test(globPath)) && !this.ignored.some((pattern) => pattern.test(globPath));
  }
}

function toGlobPath(path: string): string {
  return path.split(sep).join('/');
}
