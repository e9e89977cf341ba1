import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './repoRoot';

const folder = join(repoRoot, 'test-results', 'e2e');

/** Saves test-results/e2e/<name>.png and returns its path; never throws (the page may be gone). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = join(folder, `${name}.png`);
  try {
    await mkdir(folder, { recursive: true });
    await page.screenshot({ path, timeout: 10_000 });
  } catch (error) {
    console.log(`      could not save ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return path;
}
