import type { SkipReason } from '../../common/protocol';

export interface TextProblem {
  reason: SkipReason;
  message: string;
}

const REPLACEMENT_CHARACTER = '\uFFFD';
// Control characters other than tab, line feed, form feed and carriage return.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000E-\u001F]/g;

/**
 * Decides whether a document's text is something to analyse. Binary content, text decoded
 * with the wrong encoding and oversized files get a message for the user instead.
 */
export function checkArticleText(text: string, maxFileSize: number): TextProblem | null {
  // A UTF-16 code unit is at most three bytes of UTF-8: only a text that long is counted (every keystroke asks).
  const size = text.length * 3 > maxFileSize ? Buffer.byteLength(text, 'utf8') : 0;
  if (size > maxFileSize) {
    return {
      reason: 'tooLarge',
      message: `Not analysed: the file is ${formatBytes(size)}, over the ${formatBytes(maxFileSize)} limit (setting articleLens.maxFileSize).`,
    };
  }
  if (!/\S/.test(text)) {
    return { reason: 'empty', message: 'Nothing to analyse: the file is empty.' };
  }
  const sample = text.slice(0, 65_536);
  const controls = sample.match(CONTROL_CHARACTERS)?.length ?? 0;
  if (sample.includes('\u0000') || controls > sample.length / 100) {
    return {
      reason: 'binary',
      message: 'Not analysed: the file looks binary (it contains NUL or control characters), not a plain-text article.',
    };
  }
  const replacements = sample.includes(REPLACEMENT_CHARACTER) ? sample.split(REPLACEMENT_CHARACTER).length - 1 : 0;
  if (replacements > 0 && replacements >= sample.length / 1000) {
    return {
      reason: 'encoding',
      message: 'Not analysed: the text did not decode as UTF-8 (it may be Latin-1 or UTF-16). Reopen it with the right encoding (Reopen with Encoding) or convert it to UTF-8.',
    };
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
