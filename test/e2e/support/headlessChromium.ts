import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface HeadlessChromium {
  context: BrowserContext;
  page: Page;
  /** Browser console lines, oldest first. */
  consoleLines: string[];
  close(): Promise<void>;
}

// Debian's chromium, never a `playwright install` download (there is no internet here).
const executablePath = process.env.ARTICLE_LENS_CHROMIUM ?? '/usr/bin/chromium';

/** Launches Debian's Chromium headless with a throw-away profile and one page. */
export async function launchHeadlessChromium(): Promise<HeadlessChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'article-lens-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      viewport: { width: 1600, height: 1000 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    const close = async (): Promise<void> => {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    };
    return { context, page, consoleLines, close };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
