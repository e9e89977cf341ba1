import sectioning from './data/sectioning.json';

/** A stretch of the text analysed on its own: UTF-16 offsets, `end` exclusive. */
export interface Section {
  start: number;
  end: number;
}

const { wholeTextLimit, minSection, maxSection, cutOneIn, cutKeyLength, shortestParagraph } = sectioning;
// A paragraph may end a section only when it closes a sentence: after "Smith said:" the quote belongs with it.
const CLOSES_SENTENCE = /[.!?…]["”’')\]]*[ \t\r\u00a0]*$/u;

/**
 * Where a long text is cut into sections that are analysed independently, so that an edit
 * re-analyses one section instead of the whole text. Texts up to `wholeTextLimit` (every
 * article of the evaluation sets) are one section. Longer ones are cut only before a paragraph
 * that follows a closed sentence with balanced quote marks, and only where the paragraph's own
 * first characters say so (a hash of them), never by position alone: typing shifts every later
 * offset, but the cuts stay where they were, so the other sections' texts, and their analyses,
 * stay the same. Only the first characters: a hash of the whole line moved a cut whenever a
 * character was typed anywhere in a paragraph, and the keystroke re-analysed two sections or
 * more (32 of 400 keystrokes spread over the bench's 100 KB article, 14 with the first 8).
 * Lines of a few characters are left out of the decision: the first letter of a new paragraph,
 * typed between two others, closes no sentence, and took the cut away from the paragraph after
 * it, and with it the cuts after that until their lengths fell in step again (59 of 2,000
 * keystrokes spread over that article re-analysed two sections or more; 15 without fragments).
 * A keystroke costs the engine's time on the section typed in, which grows with its length:
 * past maxSection a section is cut at the next paragraph that allows it, whatever its hash.
 */
export function articleSections(text: string): Section[] {
  // Lengths leave out the \r of CRLF line ends, and so do the lines' own: a CRLF text is cut where its LF version is.
  const crlfs = crlfCount(text);
  if (text.length - crlfs <= wholeTextLimit) return [{ start: 0, end: text.length }];
  const sections: Section[] = [];
  let sectionStart = 0;
  // CRLF line ends before the line being read, and before the section's start.
  let crlfsBefore = 0;
  let crlfsBeforeSection = 0;
  // The last paragraph (a line with words, not a fragment): where it starts and ends (no line is cut out of the text unless asked about).
  let previous = { start: 0, end: 0 };
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const crlf = newline > lineStart && text.charCodeAt(newline - 1) === 13;
    const contentEnd = crlf ? lineEnd - 1 : lineEnd;
    if (contentEnd - lineStart >= shortestParagraph && !isBlank(text, lineStart, contentEnd)) {
      const length = lineStart - sectionStart - (crlfsBefore - crlfsBeforeSection);
      const rest = text.length - lineStart - (crlfs - crlfsBefore);
      const wanted = length >= maxSection || (length >= minSection && lineHash(text, lineStart, Math.min(contentEnd, lineStart + cutKeyLength)) % cutOneIn === 0);
      if (wanted && rest >= minSection && closesParagraph(text.slice(previous.start, previous.end))) {
        sections.push({ start: sectionStart, end: lineStart });
        sectionStart = lineStart;
        crlfsBeforeSection = crlfsBefore;
      }
      previous = { start: lineStart, end: lineEnd };
    }
    if (crlf) crlfsBefore += 1;
    lineStart = lineEnd + 1;
  }
  sections.push({ start: sectionStart, end: text.length });
  return sections;
}

function crlfCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\r\n'); at >= 0; at = text.indexOf('\r\n', at + 2)) count += 1;
  return count;
}

/** Only spaces, tabs, carriage returns and no-break spaces between `start` and `end`. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d && code !== 0xa0) return false;
  }
  return true;
}

function closesParagraph(line: string): boolean {
  if (!CLOSES_SENTENCE.test(line)) return false;
  let curly = 0;
  let straight = 0;
  for (const character of line) {
    if (character === '“') curly += 1;
    else if (character === '”') curly -= 1;
    else if (character === '"') straight += 1;
  }
  return curly === 0 && straight % 2 === 0;
}

/** FNV-1a over the line's code units: cheap, and the same on every machine. */
function lineHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
