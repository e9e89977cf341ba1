/** One paragraph of the article: a line without its indentation and line end. */
export interface Paragraph {
  start: number;
  end: number;
}

const EDGE_SPACE = /[\s\uFEFF\u200B]/u;

/** Splits the text into paragraphs: one per non-blank line, trimmed of indentation, CR and trailing space. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && EDGE_SPACE.test(text[start] ?? '')) start++;
    while (end > start && EDGE_SPACE.test(text[end - 1] ?? '')) end--;
    if (end > start) paragraphs.push({ start, end });
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return paragraphs;
}
