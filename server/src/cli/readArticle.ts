import { readFileSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

// fatal: invalid UTF-8 is an error, not U+FFFD; ignoreBOM: keep a BOM so offsets match the file as read.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads an article as UTF-8 text, refusing binary files and invalid UTF-8 instead of guessing. */
export function readArticle(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: 'no such file or folder' };
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (hasUtf16ByteOrderMark(bytes)) return { ok: false, message: 'UTF-16 text; save it as UTF-8' };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, message: `binary file (NUL byte at offset ${nul}), not a text article` };
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    return { ok: false, message: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Byte(bytes)})` };
  }
}

/** Byte offset of the first byte that does not decode, found by decoding one UTF-8 sequence at a time. */
function firstInvalidUtf8Byte(bytes: Buffer): number {
  let offset = 0;
  while (offset < bytes.length) {
    const length = sequenceLength(bytes[offset]);
    const end = offset + length;
    if (length === 0 || end > bytes.length) return offset;
    try {
      strictUtf8.decode(bytes.subarray(offset, end));
    } catch {
      return offset;
    }
    offset = end;
  }
  return offset;
}

function hasUtf16ByteOrderMark(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}
