import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import schema from './sidecar.schema.json';
import type { UserAnnotation } from './types';
import { annotationPage, fromW3c, toW3c, type W3cAnnotation, type W3cAnnotationPage } from './w3c';

/** The sidecar of an article: its full file name plus `.annotations.json`, in the same folder. */
export const SIDECAR_SUFFIX = '.annotations.json';

export function sidecarPathOf(articlePath: string): string {
  return `${articlePath}${SIDECAR_SUFFIX}`;
}

/** The article a sidecar belongs to, or null when `path` is not a sidecar. */
export function articlePathOfSidecar(path: string): string | null {
  return path.endsWith(SIDECAR_SUFFIX) ? path.slice(0, -SIDECAR_SUFFIX.length) : null;
}

export type SidecarContent =
  | { kind: 'missing' }
  | { kind: 'valid'; raw: string; annotations: UserAnnotation[] }
  | { kind: 'invalid'; raw: string | null; message: string };

// Compiled when the first sidecar is read: most workspaces have none, and compiling costs a start-up.
let validator: ValidateFunction<W3cAnnotationPage> | undefined;
function validate(json: unknown): json is W3cAnnotationPage {
  validator ??= new Ajv({ allErrors: true }).compile<W3cAnnotationPage>(schema);
  return validator(json);
}

/** Reads and validates a sidecar. A broken one is described (naming the file), never repaired. */
export function readSidecar(path: string): SidecarContent {
  let raw: string;
  try {
    // Most articles have no sidecar: a stat that says so is far cheaper than a read that throws.
    if (statSync(path, { throwIfNoEntry: false }) === undefined) return { kind: 'missing' };
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'invalid', raw: null, message: `${path}: cannot be read: ${messageOf(error)}` };
  }
  return parseSidecar(path, raw);
}

export function parseSidecar(path: string, raw: string): SidecarContent {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { kind: 'invalid', raw, message: `${path}: not valid JSON (${messageOf(error)}). Fix or remove the file; Article Lens will not overwrite it.` };
  }
  if (!validate(json)) {
    const problems = (validator?.errors ?? []).slice(0, 3).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
    return { kind: 'invalid', raw, message: `${path}: not a valid annotations file: ${problems.join('; ')}. Fix or remove the file; Article Lens will not overwrite it.` };
  }
  const annotations = json.items.map((item: W3cAnnotation) => fromW3c(item));
  const backwards = annotations.find((annotation) => annotation.position.end < annotation.position.start);
  if (backwards) return { kind: 'invalid', raw, message: `${path}: annotation ${backwards.id} ends before it starts. Fix or remove the file; Article Lens will not overwrite it.` };
  return { kind: 'valid', raw, annotations };
}

/** The sidecar's text for a list of annotations: an AnnotationPage whose targets name the article file. */
export function serializeSidecar(articlePath: string, annotations: readonly UserAnnotation[]): string {
  const source = basename(articlePath);
  const page = annotationPage(basename(sidecarPathOf(articlePath)), annotations.map((annotation) => toW3c(annotation, source)));
  return `${JSON.stringify(page, null, 2)}\n`;
}

/**
 * Writes files atomically (a temporary file beside the target, flushed, then renamed over it)
 * and one at a time per file, so two quick changes never interleave into a corrupt file.
 */
export class SidecarWriter {
  private readonly queues = new Map<string, Promise<unknown>>();

  /**
   * Runs `produce` when earlier writes of `path` are done and writes what it returns;
   * `produce` may throw to cancel (nothing is written then).
   */
  write(path: string, produce: () => string): Promise<void> {
    const previous = this.queues.get(path) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => writeAtomically(path, produce()));
    this.queues.set(path, next);
    void next.catch(() => undefined).finally(() => {
      if (this.queues.get(path) === next) this.queues.delete(path);
    });
    return next;
  }
}

export async function writeAtomically(path: string, content: string): Promise<void> {
  await removeStaleTemporaries(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Temporary files a killed server left beside `path` (their writer's pid is gone): never the sidecar itself. */
async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length))?.[1]);
    if (!name.startsWith(prefix) || !Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    await rm(join(dirname(path), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
