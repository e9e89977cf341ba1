import type { Page } from 'playwright-core';

export interface AutomationExit {
  /** The code VS Code reports when the suite ends: 0 passed, anything else failed. */
  code: Promise<number>;
}

/**
 * Lets the workbench report the end of an `extensionTestsPath` suite, which it does by calling
 * `window.codeAutomationExit(code)`. Must run before the page opens the workbench.
 */
export async function exposeAutomationExit(page: Page): Promise<AutomationExit> {
  let report: (code: number) => void = () => undefined;
  const code = new Promise<number>((resolve) => (report = resolve));
  await page.exposeFunction('codeAutomationExit', (exitCode: number) => report(exitCode));
  return { code };
}
