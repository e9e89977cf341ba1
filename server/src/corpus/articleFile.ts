import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { formatBytes, type TextProblem } from '../textCheck';
import { identityOf, SETTLED_AFTER_MS, vouchingIdentity, type FileIdentity } from './fileIdentity';

export type DecodedArticle = { text: string; problem: null } | { text: null; problem: TextProblem };

/** A read file's text comes with the identity that vouches for it (null: the file changed too recently to). */
export type ArticleFileContent = { text: string; problem: null; identity: FileIdentity | null } | { text: null; problem: TextProblem; identity: null };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Reused for every read: most articles fit in it, which spares a scan thousands of buffers. */
const scratch = Buffer.allocUnsafeSlow(64 * 1024);

/**
 * Reads an article from disk as UTF-8, refusing what would only produce garbage: files over
 * the size limit (read no further than the limit), UTF-16 files and bytes that are not valid UTF-8.
 *
 * Synchronous on purpose: articles are small local files, and a few direct system calls cost
 * far less thread time than the promise round trips of an asynchronous open, stat, read and close.
 */
export function readArticleFile(path: string, maxFileSize: number, settledAfterMs = SETTLED_AFTER_MS): ArticleFileContent {
  const descriptor = openSync(path, 'r');
  try {
    // Taken before the read: a write after it changes the times, so they never vouch for older content than was read.
    const stats = fstatSync(descriptor);
    const identity = vouchingIdentity(stats, Date.now(), settledAfterMs);
    // One byte past the limit tells a file over it without reading it all.
    const room = Math.min(scratch.length, maxFileSize + 1);
    const length = readInto(descriptor, scratch.subarray(0, room));
    if (length < room) return withIdentity(decodeArticleBytes(scratch.subarray(0, length)), identity);
    const size = Math.max(stats.size, length);
    if (size > maxFileSize) {
      return {
        text: null,
        problem: {
          reason: 'tooLarge',
          message: `Not analysed: the file is ${formatBytes(size)}, over the ${formatBytes(maxFileSize)} limit (setting articleLens.maxFileSize).`,
        },
        identity: null,
      };
    }
    return withIdentity(decodeArticleBytes(readWhole(descriptor, size)), identity);
  } finally {
    closeSync(descriptor);
  }
}

/** What the file system says of the file at `path` now, without opening it; null when it is no file (or gone). */
export function currentIdentity(path: string): FileIdentity | null {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats?.isFile() ? identityOf(stats) : null;
}

function withIdentity(decoded: DecodedArticle, identity: FileIdentity | null): ArticleFileContent {
  return decoded.problem === null ? { text: decoded.text, problem: null, identity } : { text: null, problem: decoded.problem, identity: null };
}

/** Reads from the file's start until `buffer` is full or the file ends; how many bytes were read. */
function readInto(descriptor: number, buffer: Uint8Array): number {
  let length = 0;
  while (length < buffer.length) {
    const read = readSync(descriptor, buffer, length, buffer.length - length, length);
    if (read === 0) break;
    length += read;
  }
  return length;
}

/** The file's bytes; reads on past `expectedSize` in case the file grew since it was measured. */
function readWhole(descriptor: number, expectedSize: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.max(expectedSize, 1) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    const read = readSync(descriptor, buffer, length, buffer.length - length, length);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}

export function decodeArticleBytes(bytes: Uint8Array): DecodedArticle {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      text: null,
      problem: { reason: 'encoding', message: 'Not analysed: the file is UTF-16. Article Lens reads UTF-8; convert the file to UTF-8.' },
    };
  }
  if (looksLikeUtf16(bytes)) {
    return {
      text: null,
      problem: { reason: 'encoding', message: 'Not analysed: the file looks like UTF-16 without a byte-order mark. Article Lens reads UTF-8; convert the file to UTF-8.' },
    };
  }
  if (bytes.includes(0)) {
    return { text: null, problem: { reason: 'binary', message: 'Not analysed: the file looks binary (it contains NUL bytes), not a plain-text article.' } };
  }
  try {
    // The decoder drops a UTF-8 BOM, as VS Code does, so offsets agree with the editor's.
    return { text: UTF8.decode(bytes), problem: null };
  } catch {
    return {
      text: null,
      problem: {
        reason: 'encoding',
        message: 'Not analysed: the file is not valid UTF-8 (it may be Latin-1 or Windows-1252). Convert it to UTF-8.',
      },
    };
  }
}

/** UTF-16 without a byte-order mark: text in the Latin range leaves every other byte zero. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs < 2) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let pair = 0; pair < pairs; pair++) {
    if (bytes[2 * pair] === 0) evenZeros++;
    if (bytes[2 * pair + 1] === 0) oddZeros++;
  }
  return Math.max(evenZeros, oddZeros) >= pairs * 0.6 && Math.min(evenZeros, oddZeros) <= pairs * 0.05;
}
