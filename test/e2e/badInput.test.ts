// Files the server should not analyse (empty, binary, over articleLens.maxFileSize) get a clear
// message in the language status, and the server keeps working for the next article.
import { strict as assert } from 'node:assert';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { languageStatusHoverText, languageStatusLabel } from './support/languageStatus';
import { pollUntil } from './support/pollUntil';
import { saveScreenshot } from './support/screenshots';
import { openFileByName } from './support/workbench';
import { openWorkbenchWithPackagedExtension, type WorkbenchSession } from './support/workbenchSession';

const MAX_FILE_SIZE = 20_000;

// Bytes of every value but NUL: VS Code itself refuses files with NULs, so these reach the server.
const binaryContent = Buffer.from(Array.from({ length: 4096 }, (_, i) => 1 + ((i * 37) % 255)));
const oversizedContent = 'The minister said the talks would resume. '.repeat(Math.ceil((MAX_FILE_SIZE * 2) / 42));

const CASES = [
  { file: 'empty.txt', content: '', explains: /empty/i },
  { file: 'binary.txt', content: binaryContent, explains: /binary/i },
  { file: 'oversized.txt', content: oversizedContent, explains: /maxFileSize|limit|too large/i },
];

describe('bad input in code-server with the packaged extension', function () {
  this.timeout(90_000);
  let session: WorkbenchSession | undefined;

  before(async () => {
    session = await openWorkbenchWithPackagedExtension({
      settings: { 'articleLens.maxFileSize': MAX_FILE_SIZE },
      prepareWorkspace: async (folder) => {
        for (const { file, content } of CASES) await writeFile(join(folder, file), content);
      },
    });
  });

  afterEach(async function () {
    if (session && this.currentTest?.state === 'failed') {
      const name = `badInput-${(this.currentTest.title.match(/[\w.]+\.txt/) ?? ['failure'])[0]}-failure`;
      console.log(`      screenshot: ${await saveScreenshot(session.page, name)}`);
    }
  });

  after(async () => {
    await session?.close();
  });

  for (const { file, explains } of CASES) {
    it(`tells why ${file} is not analysed`, async () => {
      assert.ok(session, 'the workbench did not open');
      const { page } = session;
      await openFileByName(page, file);
      const label = await pollUntil(() => languageStatusLabel(page), (text) => explains.test(text), 20_000);
      assert.match(label, explains, `the language status does not explain why ${file} was skipped: "${label}"`);
      const hover = await languageStatusHoverText(page);
      assert.match(hover, explains, `the language status hover does not explain why ${file} was skipped: "${hover}"`);
    });
  }

  it('still analyses an article after the bad files', async () => {
    assert.ok(session, 'the workbench did not open');
    const { page } = session;
    await openFileByName(page, '001_737dabe0ebce7f11.txt');
    const analysed = /\d+ quotes/;
    const label = await pollUntil(() => languageStatusLabel(page), (text) => analysed.test(text), 20_000);
    assert.match(label, analysed, `no analysis counts in the language status after the bad files: "${label}"`);
    assert.doesNotMatch(label, /not analysed|stopped/i);
  });
});
