import type { FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';

/**
 * The layout of one file of the persisted index: a magic string (naming the byte order entries'
 * numbers are in, see storedEntry), the engine build the entries were made by, each entry
 * framed by its lengths (key, then bytes), and last the CRC-32 of everything before it. Entries
 * are appended one by one through a single reused buffer: serialising a whole file's entries
 * before writing any left tens of megabytes of freed buffers that the allocator never gave back
 * to the system. Entries hold the texts a warm start takes instead of reading the files, so a
 * file whose checksum fails is not read at all: a changed byte must not pass for an article's
 * text. A CRC-32 catches every changed byte and every run of them up to 32 bits long, which is
 * what a damaged file shows (the files are the extension's own, so forgery is not the question),
 * and zlib's takes 10 ms for the 52 MB of a 5,000-article index and its matcher snapshot where
 * SHA-1 took 27, a twentieth of a warm start. (WebCrypto's asynchronous digest spent as long on
 * the calling thread, copying its input, as hashing it there.)
 */
const MAGIC = Buffer.from(`ARTICLE-LENS-INDEX ${endianness()}\n`, 'latin1');
const CHECKSUM_BYTES = 4;
const KEY_LENGTH_BYTES = 2;
const BYTES_LENGTH_BYTES = 4;
/** How much is gathered before each write to the file. */
const CHUNK_BYTES = 1 << 20;

/** Writes the file's header and its entries to `file`, from its current position. */
export async function writeShard(file: FileHandle, engine: string, entries: AsyncIterable<readonly [string, Uint8Array]>): Promise<void> {
  const out = new BufferedFile(file);
  const engineBytes = Buffer.from(engine, 'utf8');
  await out.append(MAGIC);
  await out.append(lengthPrefix(engineBytes.length, BYTES_LENGTH_BYTES));
  await out.append(engineBytes);
  for await (const [key, bytes] of entries) {
    const keyBytes = Buffer.from(key, 'utf8');
    await out.append(lengthPrefix(keyBytes.length, KEY_LENGTH_BYTES));
    await out.append(keyBytes);
    await out.append(lengthPrefix(bytes.length, BYTES_LENGTH_BYTES));
    await out.append(bytes);
  }
  await out.close();
}

/**
 * The entries of a shard file made by `engine`, as views into `file`; null when `file` is not
 * a shard file, was made by another engine build, or fails its checksum.
 */
export function readShard(file: Buffer, engine: string): Map<string, Uint8Array> | null {
  if (file.length < MAGIC.length + CHECKSUM_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const body = file.subarray(0, file.length - CHECKSUM_BYTES);
  if (crc32(body) !== file.readUInt32LE(body.length)) return null;
  const reader = new FrameReader(body, MAGIC.length);
  const engineBytes = reader.frame(BYTES_LENGTH_BYTES);
  if (engineBytes === null || engineBytes.toString('utf8') !== engine) return null;
  const entries = new Map<string, Uint8Array>();
  for (;;) {
    const key = reader.frame(KEY_LENGTH_BYTES);
    const bytes = key === null ? null : reader.frame(BYTES_LENGTH_BYTES);
    if (key === null || bytes === null) return entries;
    entries.set(key.toString('utf8'), bytes);
  }
}

function lengthPrefix(length: number, size: number): Buffer {
  const prefix = Buffer.allocUnsafe(size);
  prefix.writeUIntLE(length, 0, size);
  return prefix;
}

class FrameReader {
  constructor(
    private readonly file: Buffer,
    private offset: number,
  ) {}

  /** The next length-prefixed frame, or null at the end of the file or where a length runs past it. */
  frame(lengthBytes: number): Buffer | null {
    if (this.offset + lengthBytes > this.file.length) return null;
    const length = this.file.readUIntLE(this.offset, lengthBytes);
    const start = this.offset + lengthBytes;
    if (start + length > this.file.length) return null;
    this.offset = start + length;
    return this.file.subarray(start, start + length);
  }
}

/** Appends to a file through one reused chunk, checksumming what it writes. */
class BufferedFile {
  private readonly chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  private used = 0;
  private checksum = 0;

  constructor(private readonly file: FileHandle) {}

  async append(bytes: Uint8Array): Promise<void> {
    if (this.used + bytes.length > this.chunk.length) await this.flush();
    if (bytes.length > this.chunk.length) {
      this.checksum = crc32(bytes, this.checksum);
      await writeAll(this.file, bytes);
      return;
    }
    this.chunk.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Writes what is pending, then the checksum of everything appended. */
  async close(): Promise<void> {
    await this.flush();
    const checksum = Buffer.allocUnsafe(CHECKSUM_BYTES);
    checksum.writeUInt32LE(this.checksum);
    await writeAll(this.file, checksum);
  }

  private async flush(): Promise<void> {
    const pending = this.chunk.subarray(0, this.used);
    this.checksum = crc32(pending, this.checksum);
    await writeAll(this.file, pending);
    this.used = 0;
  }
}

async function writeAll(file: FileHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += (await file.write(bytes, written, bytes.length - written)).bytesWritten;
}
