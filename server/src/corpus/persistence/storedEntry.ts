import { preparedArrays, type PreparedArticle } from '../matching/preparedArticle';
import { SharedBuffer } from '../matching/sharedBuffer';
import type { EncodedAnalysis } from '../workers/analysisCodec';

/** What the store keeps of an analysis: encoded (see analysisCodec), with the quote matcher's input and the text it is of. */
export interface StoredEntry {
  readonly encoded: EncodedAnalysis;
  readonly matching: PreparedArticle;
  readonly text: string;
}

/** A stored entry as its file holds it: with its matcher input's words also as positions in the file's word table (see WordTable). */
export interface WrittenEntry extends StoredEntry {
  readonly wordPositions: Uint32Array;
}

/**
 * How many numbers each of an entry's arrays holds, in the order they follow the header
 * (`arraysOf`), then the byte lengths of its words, of its names and kinds, and of its text.
 */
const HEADER_FIELDS = 10;
const ARRAYS = 7;

function arraysOf({ encoded, matching, wordPositions }: WrittenEntry): readonly (Int32Array | Uint32Array)[] {
  return [encoded.numbers, ...preparedArrays(matching), wordPositions];
}

/**
 * An entry's bytes: a header of lengths, its arrays' numbers as they lie in memory, its words
 * (UTF-8), its table of names and kinds (JSON) and its text (UTF-8). Reading them back copies the numbers into one
 * buffer and decodes two strings: reading entries with `v8.deserialize` built every array and
 * string as an object first, and took a warm start's thread twice as long.
 * Numbers are in the platform's byte order: a file of the other order is no shard (see shardFile).
 */
export function storedEntryBytes(entry: WrittenEntry): Uint8Array {
  const arrays = arraysOf(entry);
  const words = Buffer.from(entry.matching.words, 'utf8');
  const strings = Buffer.from(JSON.stringify(entry.encoded.strings), 'utf8');
  const text = Buffer.from(entry.text, 'utf8');
  const numbers = arrays.reduce((sum, array) => sum + array.length, 0);
  const bytes = new Uint8Array(4 * (HEADER_FIELDS + numbers) + words.length + strings.length + text.length);
  const header = new Uint32Array(bytes.buffer, 0, HEADER_FIELDS);
  arrays.forEach((array, index) => (header[index] = array.length));
  header[ARRAYS] = words.length;
  header[ARRAYS + 1] = strings.length;
  header[ARRAYS + 2] = text.length;
  let at = 4 * HEADER_FIELDS;
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  bytes.set(words, at);
  bytes.set(strings, at + words.length);
  bytes.set(text, at + words.length + strings.length);
  return bytes;
}

/**
 * The entry `bytes` hold, its arrays in one buffer of its own (see SharedBuffer), or null when
 * they cannot be one: lengths that do not add up, names that are not a list of strings. The
 * numbers themselves are checked when the analysis is decoded (decodeAnalysis).
 */
export function storedEntryFrom(bytes: Uint8Array): WrittenEntry | null {
  if (bytes.length < 4 * HEADER_FIELDS) return null;
  const header = headerOf(bytes);
  let numbers = 0;
  for (let index = 0; index < ARRAYS; index += 1) numbers += header[index] as number;
  const wordsAt = 4 * (HEADER_FIELDS + numbers);
  const stringsAt = wordsAt + (header[ARRAYS] as number);
  const textAt = stringsAt + (header[ARRAYS + 1] as number);
  if (textAt + (header[ARRAYS + 2] as number) !== bytes.length) return null;
  const strings = namesFrom(bytes.subarray(stringsAt, textAt));
  if (strings === null) return null;
  // The arrays lie one after another as the buffer hands them out: one copy takes them all.
  const space = SharedBuffer.copyOfBytes(bytes.subarray(4 * HEADER_FIELDS, wordsAt));
  let arraysRead = 0;
  const length = (): number => header[arraysRead++] as number;
  const encodedNumbers = space.int32(length());
  const matching: PreparedArticle = {
    words: utf8(bytes, wordsAt, stringsAt),
    quoteSpans: space.int32(length()),
    packed: space.uint32(length()),
    quoteBase: space.uint32(length()),
    passageSpans: space.int32(length()),
    passageWords: space.int32(length()),
  };
  const text = utf8(bytes, textAt, bytes.length);
  return { encoded: { numbers: encodedNumbers, strings }, matching, text, wordPositions: space.uint32(length()) };
}

/** One entry's header at a time, read into the same array: a warm start reads thousands. */
const HEADER = new Uint32Array(HEADER_FIELDS);
const HEADER_BYTES = new Uint8Array(HEADER.buffer);

/** The header of `bytes` (in the platform's byte order), valid until the next call. */
function headerOf(bytes: Uint8Array): Uint32Array {
  for (let index = 0; index < HEADER_BYTES.length; index += 1) HEADER_BYTES[index] = bytes[index] as number;
  return HEADER;
}

function utf8(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}

function namesFrom(bytes: Uint8Array): string[] | null {
  try {
    const names: unknown = JSON.parse(utf8(bytes, 0, bytes.length));
    return Array.isArray(names) && names.every((name) => typeof name === 'string') ? names : null;
  } catch {
    return null;
  }
}
