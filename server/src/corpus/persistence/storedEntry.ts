import { preparedArrays, type PreparedArticle } from '../matching/preparedArticle';
import { SharedBuffer } from '../matching/sharedBuffer';
import type { EncodedAnalysis } from '../workers/analysisCodec';

/** What the store keeps of an analysis: encoded (see analysisCodec), with the quote matcher's input and the text it is of. */
export interface StoredEntry {
  readonly encoded: EncodedAnalysis;
  readonly matching: PreparedArticle;
  readonly text: string;
}

/**
 * A stored entry as its file holds it: with its matcher input's words also as positions in the
 * file's word table (see WordTable), and its text and its matcher input's word list as stretches
 * of the file's joined strings (see JoinedStrings), starting at `textStart` and `wordsStart`.
 */
export interface WrittenEntry extends StoredEntry {
  readonly wordPositions: Uint32Array;
  readonly textStart: number;
  readonly wordsStart: number;
}

/** All the texts, and all the word lists, of one file's entries, each joined into one string (see JoinedStrings). */
export interface FileStrings {
  readonly texts: string;
  readonly wordLists: string;
}

/**
 * How many numbers each of an entry's arrays holds, in the order they follow the header
 * (`arraysOf`), then the byte length of its names and kinds, then where its text and its word
 * list start in the file's strings and how long they are (in UTF-16 code units).
 */
const HEADER_FIELDS = 12;
const ARRAYS = 7;
const NAMES_BYTES = ARRAYS;
const TEXT_START = ARRAYS + 1;
const TEXT_LENGTH = ARRAYS + 2;
const WORDS_START = ARRAYS + 3;
const WORDS_LENGTH = ARRAYS + 4;

function arraysOf({ encoded, matching, wordPositions }: WrittenEntry): readonly (Int32Array | Uint32Array)[] {
  return [encoded.numbers, ...preparedArrays(matching), wordPositions];
}

/**
 * An entry's bytes: a header of lengths, its arrays' numbers as they lie in memory and its table
 * of names and kinds (JSON). Reading them back copies the numbers into one buffer and slices two
 * strings: reading entries with `v8.deserialize` built every array and string as an object
 * first, and took a warm start's thread twice as long.
 * Numbers are in the platform's byte order: a file of the other order is no shard (see shardFile).
 */
export function storedEntryBytes(entry: WrittenEntry): Uint8Array {
  const arrays = arraysOf(entry);
  const names = Buffer.from(JSON.stringify(entry.encoded.strings), 'utf8');
  const numbers = arrays.reduce((sum, array) => sum + array.length, 0);
  const bytes = new Uint8Array(4 * (HEADER_FIELDS + numbers) + names.length);
  const header = new Uint32Array(bytes.buffer, 0, HEADER_FIELDS);
  arrays.forEach((array, index) => (header[index] = array.length));
  header[NAMES_BYTES] = names.length;
  header[TEXT_START] = entry.textStart;
  header[TEXT_LENGTH] = entry.text.length;
  header[WORDS_START] = entry.wordsStart;
  header[WORDS_LENGTH] = entry.matching.words.length;
  let at = 4 * HEADER_FIELDS;
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  bytes.set(names, at);
  return bytes;
}

/**
 * The entry `bytes` hold, its arrays in one buffer of its own (see SharedBuffer) and its strings
 * cut from its file's, or null when they cannot be one: lengths that do not add up, strings past
 * the end of the file's, names that are not a list of strings. The numbers themselves are
 * checked when the analysis is decoded (decodeAnalysis).
 */
export function storedEntryFrom(bytes: Uint8Array, strings: FileStrings): WrittenEntry | null {
  if (bytes.length < 4 * HEADER_FIELDS) return null;
  const header = headerOf(bytes);
  let numbers = 0;
  for (let index = 0; index < ARRAYS; index += 1) numbers += header[index] as number;
  const namesAt = 4 * (HEADER_FIELDS + numbers);
  const textStart = header[TEXT_START] as number;
  const textEnd = textStart + (header[TEXT_LENGTH] as number);
  const wordsStart = header[WORDS_START] as number;
  const wordsEnd = wordsStart + (header[WORDS_LENGTH] as number);
  if (namesAt + (header[NAMES_BYTES] as number) !== bytes.length || textEnd > strings.texts.length || wordsEnd > strings.wordLists.length) return null;
  const names = namesFrom(bytes.subarray(namesAt));
  if (names === null) return null;
  // The arrays lie one after another as the buffer hands them out: one copy takes them all.
  const space = SharedBuffer.copyOfBytes(bytes.subarray(4 * HEADER_FIELDS, namesAt));
  let arraysRead = 0;
  const length = (): number => header[arraysRead++] as number;
  const encodedNumbers = space.int32(length());
  const matching: PreparedArticle = {
    words: strings.wordLists.slice(wordsStart, wordsEnd),
    quoteSpans: space.int32(length()),
    packed: space.uint32(length()),
    quoteBase: space.uint32(length()),
    passageSpans: space.int32(length()),
    passageWords: space.int32(length()),
  };
  const text = strings.texts.slice(textStart, textEnd);
  return { encoded: { numbers: encodedNumbers, strings: names }, matching, text, wordPositions: space.uint32(length()), textStart, wordsStart };
}

/** One entry's header at a time, read into the same array: a warm start reads thousands. */
const HEADER = new Uint32Array(HEADER_FIELDS);
const HEADER_BYTES = new Uint8Array(HEADER.buffer);

/** The header of `bytes` (in the platform's byte order), valid until the next call. */
function headerOf(bytes: Uint8Array): Uint32Array {
  for (let index = 0; index < HEADER_BYTES.length; index += 1) HEADER_BYTES[index] = bytes[index] as number;
  return HEADER;
}

function namesFrom(bytes: Uint8Array): string[] | null {
  try {
    const names: unknown = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
    return Array.isArray(names) && names.every((name) => typeof name === 'string') ? names : null;
  } catch {
    return null;
  }
}
