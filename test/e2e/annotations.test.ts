// A user selects words, marks them as a speaker from the palette, sees the speaker colour, reloads
// the window and still sees it: the annotation lives in the sidecar file beside the article.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pollUntil } from './support/pollUntil';
import { plainTextColour, renderedColoursOf } from './support/renderedColour';
import { saveScreenshot } from './support/screenshots';
import { goToLine, openFileByName, waitForExplorer } from './support/workbench';
import { openWorkbenchWithPackagedExtension, type WorkbenchSession } from './support/workbenchSession';

const ARTICLE = '000_198c190caa6527b1.txt';
const PHRASE = 'organized in Tehran and';
const WORD = 'Tehran';

describe('annotations in code-server: mark as speaker, reload, still marked', function () {
  this.timeout(180_000);
  let session: WorkbenchSession | undefined;

  afterEach(async function () {
    if (session && this.currentTest?.state === 'failed') console.log(`      screenshot: ${await saveScreenshot(session.page, 'annotations-failure')}`);
    await session?.close();
    session = undefined;
  });

  it('colours the selection as a speaker after "Mark Selection as Speaker", and keeps it across a reload', async () => {
    session = await openWorkbenchWithPackagedExtension();
    const { page, folder } = session;
    const text = readFileSync(join(folder, ARTICLE), 'utf8');
    const line = text.split('\n').findIndex((candidate) => candidate.includes(PHRASE)) + 1;
    assert.ok(line > 0, `"${PHRASE}" is not in ${ARTICLE}`);

    await openFileByName(page, ARTICLE);
    const plain = await pollUntil(() => plainTextColour(page), (value) => value !== null, 20_000);
    assert.ok(plain, 'no plain-text span rendered');
    await goToLine(page, line);
    // Semantic colours have arrived once another speaker on screen is coloured; Tehran is still plain then.
    await pollUntil(() => renderedColoursOf(page, 'Mayor Bill de Blasio', 'Blasio'), (colours) => colours.some((colour) => colour !== plain.colour), 30_000);
    assert.deepEqual([...new Set(await renderedColoursOf(page, PHRASE, WORD))], [plain.colour], 'Tehran is plain text before it is marked');

    // Select the word: find it, then close the find widget, which leaves the match selected.
    await page.keyboard.press('Control+F');
    await page.keyboard.type(WORD);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Article Lens: Mark Selection as Speaker');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Mark Selection as Speaker' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');

    const marked = await pollUntil(() => renderedColoursOf(page, PHRASE, WORD), (colours) => colours.some((colour) => colour !== plain.colour), 30_000);
    assert.ok(marked.some((colour) => colour !== plain.colour), `Tehran still has the plain colour ${plain.colour}: ${JSON.stringify(marked)}`);
    const sidecar = join(folder, `${ARTICLE}.annotations.json`);
    assert.ok(existsSync(sidecar), 'no sidecar file was written');
    assert.match(readFileSync(sidecar, 'utf8'), /"exact": "Tehran"/);
    await saveScreenshot(page, 'annotations-marked');

    await page.reload();
    await waitForExplorer(page);
    await openFileByName(page, ARTICLE);
    await goToLine(page, line);
    const afterReload = await pollUntil(() => renderedColoursOf(page, PHRASE, WORD), (colours) => colours.some((colour) => colour !== plain.colour), 60_000);
    assert.ok(afterReload.some((colour) => colour !== plain.colour), `after the reload Tehran is plain again: ${JSON.stringify(afterReload)}`);
    await saveScreenshot(page, 'annotations-after-reload');
  });
});
