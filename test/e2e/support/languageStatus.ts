import type { Page } from 'playwright-core';

const ITEM = '[id="status.languageStatus"]';

/** The accessible text of the status bar's language status entry: every item's text and detail. */
export async function languageStatusLabel(page: Page): Promise<string> {
  const item = page.locator(ITEM);
  return (await item.count()) > 0 ? ((await item.getAttribute('aria-label')) ?? '') : '';
}

/** Opens the language status hover, as a user clicking `{}` in the status bar would, and returns its text. */
export async function languageStatusHoverText(page: Page): Promise<string> {
  await page.locator(ITEM).click();
  const hover = page.locator('.monaco-hover', { hasText: 'Article Lens' }).last();
  await hover.waitFor({ timeout: 10_000 });
  const text = await hover.innerText();
  await page.keyboard.press('Escape');
  return text;
}
