import type { Stats } from 'node:fs';

/**
 * What the file system says of a file without reading it: while all four stay the same, so
 * does its content. Any write changes the change time (which, unlike the modification time,
 * no tool can set back), and a file replaced by another gets another inode.
 */
export interface FileIdentity {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/**
 * How long a file must have been left alone before its times can vouch for what was read. A
 * file system with coarse times (FAT's two seconds, some network shares) gives a second write
 * within the same tick the same times, and a read between the two would pass for the later one.
 */
export const SETTLED_AFTER_MS = 3_000;

export function identityOf({ size, mtimeMs, ctimeMs, ino }: Stats): FileIdentity {
  return { size, mtimeMs, ctimeMs, ino };
}

/** The identity `stats` give a file read at `readAtMs`, or null when it changed too recently to vouch for the read. */
export function vouchingIdentity(stats: Stats, readAtMs: number, settledAfterMs = SETTLED_AFTER_MS): FileIdentity | null {
  return readAtMs - Math.max(stats.mtimeMs, stats.ctimeMs) >= settledAfterMs ? identityOf(stats) : null;
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

export function isFileIdentity(value: unknown): value is FileIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const { size, mtimeMs, ctimeMs, ino } = value as Partial<FileIdentity>;
  return [size, mtimeMs, ctimeMs, ino].every((field) => typeof field === 'number' && Number.isFinite(field));
}
