// The packaged extension, installed into code-server like a user would, colours speakers,
// outlets and quotes differently from plain text in the default theme.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pollUntil } from './support/pollUntil';
import { plainTextColour, renderedColoursOf } from './support/renderedColour';
import { repoRoot } from './support/repoRoot';
import { saveScreenshot } from './support/screenshots';
import { goToLine, openFileByName } from './support/workbench';
import { openWorkbenchWithPackagedExtension, type WorkbenchSession } from './support/workbenchSession';

const ARTICLE = '000_198c190caa6527b1.txt';

/** Each check measures `word` inside `phrase`: running prose, where only the language server can tell. */
const CHECKS = [
  { kind: 'speaker', phrase: 'de Blasio tweeted', word: 'Blasio' },
  { kind: 'outlet', phrase: 'the New York Times reports', word: 'York' },
  { kind: 'quote', phrase: 'never won a war, but never lost a negotiation', word: 'negotiation' },
] as const;

function lineOf(phrase: string): number {
  const lines = readFileSync(join(repoRoot, 'seeds', ARTICLE), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(phrase));
  if (index < 0) throw new Error(`"${phrase}" is not in seeds/${ARTICLE}`);
  return index + 1;
}

describe('colours in code-server with the packaged extension', function () {
  this.timeout(90_000);
  let session: WorkbenchSession | undefined;

  afterEach(async function () {
    if (session && this.currentTest?.state === 'failed') {
      console.log(`      screenshot: ${await saveScreenshot(session.page, 'colours-failure')}`);
    }
    await session?.close();
    session = undefined;
  });

  it('renders speakers, outlets and quotes in colours other than plain text', async () => {
    session = await openWorkbenchWithPackagedExtension();
    const { page } = session;
    await openFileByName(page, ARTICLE);
    const plain = await pollUntil(() => plainTextColour(page), (value) => value !== null, 20_000);
    assert.ok(plain, 'no plain-text span (class mtk1) rendered in the editor');

    const seen: Record<string, string[]> = {};
    let timeoutMs = 30_000;
    for (const { kind, phrase, word } of CHECKS) {
      await goToLine(page, lineOf(phrase));
      // Semantic colours arrive after the server's analysis; the first check waits longest for them.
      seen[kind] = await pollUntil(
        () => renderedColoursOf(page, phrase, word),
        (colours) => colours.some((colour) => colour !== plain.colour),
        timeoutMs,
      );
      timeoutMs = 10_000;
    }
    await saveScreenshot(page, 'colours');
    const report = `plain text ("${plain.sample}") is ${plain.colour}; seen: ${JSON.stringify(seen)}`;
    for (const { kind, phrase, word } of CHECKS) {
      const colours = seen[kind] ?? [];
      assert.ok(colours.length > 0, `"${phrase}" was never rendered on screen (${report})`);
      assert.ok(
        colours.some((colour) => colour !== plain.colour),
        `the ${kind} "${word}" in "${phrase}" has the plain-text colour (${report})`,
      );
    }
    console.log(`      ${report}`);
  });
});
