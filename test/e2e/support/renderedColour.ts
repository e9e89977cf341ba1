/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/**
 * The computed CSS colours the editor renders `word` in, one per occurrence of `phrase` on the
 * visible lines (the phrase picks the occurrences; the word picks the character to measure).
 */
export async function renderedColoursOf(page: Page, phrase: string, word: string): Promise<string[]> {
  return page.evaluate(
    ({ phrase, word }) => {
      const colours: string[] = [];
      for (const line of Array.from(document.querySelectorAll('.editor-instance .view-lines .view-line'))) {
        const spans = Array.from(line.querySelectorAll(':scope > span > span'));
        // Monaco may render spaces as no-break spaces; both are one UTF-16 unit, so offsets hold.
        const text = spans.map((span) => span.textContent ?? '').join('').replace(/\u00a0/g, ' ');
        for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
          const wordAt = at + phrase.indexOf(word);
          let offset = 0;
          for (const span of spans) {
            offset += (span.textContent ?? '').length;
            if (wordAt < offset) {
              colours.push(getComputedStyle(span).color);
              break;
            }
          }
        }
      }
      return colours;
    },
    { phrase, word },
  );
}

/** The colour of text with no token at all: Monaco's class mtk1 is the theme's default foreground. */
export async function plainTextColour(page: Page): Promise<{ colour: string; sample: string } | null> {
  return page.evaluate(() => {
    const span = document.querySelector('.editor-instance .view-lines .view-line span.mtk1');
    return span ? { colour: getComputedStyle(span).color, sample: (span.textContent ?? '').trim().slice(0, 40) } : null;
  });
}
