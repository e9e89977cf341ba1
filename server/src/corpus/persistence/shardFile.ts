import type { FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';

/**
 * The layout of one file of the persisted index: a magic string (naming the byte order entries'
 * numbers are in, see storedEntry), the engine build the entries were made by, then each entry
 * framed by its lengths (key, then bytes). Entries are appended
 * one by one through a single reused buffer: serialising a whole file's entries before writing
 * any left tens of megabytes of freed buffers that the allocator never gave back to the system.
 * A frame that cannot be read costs that entry alone; a file cut short keeps the entries before
 * the cut.
 */
const MAGIC = Buffer.from(`ARTICLE-LENS-INDEX ${endianness()}\n`, 'latin1');
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
  await out.flush();
}

/**
 * The entries of a shard file made by `engine`, as views into `file`; null when `file` is not
 * a shard file or was made by another engine build.
 */
export function readShard(file: Buffer, engine: string): Map<string, Uint8Array> | null {
  if (file.length < MAGIC.length || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const reader = new FrameReader(file, MAGIC.length);
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

  /** The next length-prefixed frame, or null at the end of the file or where it was cut short. */
  frame(lengthBytes: number): Buffer | null {
    if (this.offset + lengthBytes > this.file.length) return null;
    const length = this.file.readUIntLE(this.offset, lengthBytes);
    const start = this.offset + lengthBytes;
    if (start + length > this.file.length) return null;
    this.offset = start + length;
    return this.file.subarray(start, start + length);
  }
}

class BufferedFile {
  private readonly chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  private used = 0;

  constructor(private readonly file: FileHandle) {}

  async append(bytes: Uint8Array): Promise<void> {
    if (this.used + bytes.length > this.chunk.length) await this.flush();
    if (bytes.length > this.chunk.length) {
      await writeAll(this.file, bytes);
      return;
    }
    this.chunk.set(bytes, this.used);
    this.used += bytes.length;
  }

  async flush(): Promise<void> {
    await writeAll(this.file, this.chunk.subarray(0, this.used));
    this.used = 0;
  }
}

async function writeAll(file: FileHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += (await file.write(bytes, written, bytes.length - written)).bytesWritten;
}
