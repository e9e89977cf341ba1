import type { Page } from 'playwright-core';

const WORKBENCH_TIMEOUT = 30_000;

/** Waits until the workbench shows the workspace folder's files in the explorer. */
export async function waitForExplorer(page: Page): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: WORKBENCH_TIMEOUT });
}

/** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor tab to be active. */
export async function openFileByName(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WORKBENCH_TIMEOUT });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: WORKBENCH_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: fileName }).waitFor({ timeout: WORKBENCH_TIMEOUT });
  await page.locator('.editor-instance .view-lines .view-line').first().waitFor({ timeout: WORKBENCH_TIMEOUT });
}

/** Moves the active editor to a 1-based line (Ctrl+G), which scrolls it into view. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WORKBENCH_TIMEOUT });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: WORKBENCH_TIMEOUT });
}
