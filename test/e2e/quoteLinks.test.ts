// What a person sees of cross-article links in code-server with the packaged extension: the
// hover on a linked quote lists the other article, its link opens that article at the quote,
// and the quote map shows the seeds' linked quotes.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { pollUntil } from './support/pollUntil';
import { repoRoot } from './support/repoRoot';
import { saveScreenshot } from './support/screenshots';
import { goToLine, openFileByName } from './support/workbench';
import { openWorkbenchWithPackagedExtension, type WorkbenchSession } from './support/workbenchSession';

const HOVERED = '003_9657c7c9ccc2eae3.txt';
const LINKED = '001_737dabe0ebce7f11.txt';

const seedLines = (name: string): string[] => readFileSync(join(repoRoot, 'seeds', name), 'utf8').split('\n');

/** Hovers the first rendered span holding `text` until a hover containing `expected` shows. */
async function hoverUntil(page: Page, text: string, expected: string): Promise<string> {
  const hover = page.locator('.monaco-hover:not(.hidden)');
  const shown = await pollUntil(
    async () => {
      await page.mouse.move(0, 0);
      const span = page.locator('.editor-instance .view-lines .view-line span', { hasText: text }).last();
      const box = await span.boundingBox().catch(() => null);
      if (box) {
        // Small steps: the editor shows hovers for a mouse that moves onto a word and rests there.
        await page.mouse.move(box.x + box.width / 2 - 10, box.y + box.height / 2, { steps: 4 });
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      }
      await hover.first().waitFor({ timeout: 3_000 }).catch(() => undefined);
      return (await hover.allInnerTexts()).join('\n');
    },
    (content) => content.includes(expected),
    45_000,
  );
  return shown;
}

async function quoteMapFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if ((await frame.locator('table').count().catch(() => 0)) > 0) return frame;
  }
  return undefined;
}

describe('cross-article quote links in code-server', function () {
  this.timeout(150_000);
  let session: WorkbenchSession | undefined;

  afterEach(async function () {
    if (session && this.currentTest?.state === 'failed') {
      console.log(`      screenshot: ${await saveScreenshot(session.page, 'quoteLinks-failure')}`);
    }
    await session?.close();
    session = undefined;
  });

  it('hovers a linked quote, follows its link to the other article, and opens the quote map', async () => {
    session = await openWorkbenchWithPackagedExtension();
    const { page } = session;
    await openFileByName(page, HOVERED);
    const line = seedLines(HOVERED).findIndex((text) => text.includes('has threatened "harsh retaliation"')) + 1;
    await goToLine(page, line);

    const hover = await hoverUntil(page, 'harsh retaliation', LINKED);
    assert.match(hover, /Also in 1 other article/, hover);
    await saveScreenshot(page, 'hover');

    const linkedLines = seedLines(LINKED)
      .map((text, index) => ({ text, line: index + 1 }))
      .filter(({ text }) => /harsh retaliation/i.test(text))
      .map(({ line }) => line);
    await page.locator('.monaco-hover:not(.hidden) a', { hasText: LINKED }).first().click();
    await page.locator('.tab.active', { hasText: LINKED }).waitFor({ timeout: 20_000 });
    const selection = await pollUntil(
      async () => (await page.locator('#status\\.editor\\.selection').innerText().catch(() => '')).trim(),
      (text) => /\(17 selected\)/.test(text),
      10_000,
    );
    const match = /Ln (\d+), Col (\d+) \((\d+) selected\)/.exec(selection);
    assert.ok(match, `status bar selection: "${selection}"`);
    assert.ok(linkedLines.includes(Number(match[1])), `opened at line ${match[1]}, expected one of ${linkedLines.join(', ')}`);

    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Article Lens: Show Quote Map');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Quote Map' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const frame = await pollUntil(() => quoteMapFrame(page), (found) => found !== undefined, 30_000);
    assert.ok(frame, 'the quote map webview never showed a table');
    const table = await frame.locator('table').innerText();
    assert.match(table, /harsh retaliation/i);
    assert.match(table, /never lost a negotiation/i);
    for (const name of ['000_198c190caa6527b1.txt', LINKED, HOVERED, '004_a9b471eec6247fbb.txt']) assert.ok(table.includes(name), `${name} is not a column`);
    await saveScreenshot(page, 'quote-map');
  });
});
