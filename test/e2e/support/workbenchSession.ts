import type { Page } from 'playwright-core';
import { startIsolatedCodeServer } from './codeServer';
import { launchHeadlessChromium } from './headlessChromium';
import { packagedExtension } from './packagedExtension';
import { copySeeds } from './seedsCopy';
import { waitForExplorer } from './workbench';
import { workbenchUrl } from './workbenchUrl';

export interface WorkbenchSession {
  page: Page;
  /** The workspace: a temporary copy of seeds/. */
  folder: string;
  consoleLines: string[];
  /** Closes the browser, kills code-server and deletes the copies; safe to call more than once. */
  close(): Promise<void>;
}

export interface WorkbenchSessionOptions {
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Runs before the workbench opens, e.g. to add files to the workspace. */
  prepareWorkspace?: (folder: string) => Promise<void>;
}

/**
 * The packaged extension installed into a fresh code-server, opened on a copy of seeds/ in
 * headless Chromium, as a user would see it.
 */
export async function openWorkbenchWithPackagedExtension(options: WorkbenchSessionOptions = {}): Promise<WorkbenchSession> {
  const vsix = packagedExtension();
  const seeds = await copySeeds();
  const cleanups: Array<() => Promise<void>> = [() => seeds.remove()];
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    })();
    return closed;
  };
  try {
    await options.prepareWorkspace?.(seeds.folder);
    const server = await startIsolatedCodeServer({
      installExtensions: [vsix],
      ...(options.settings ? { settings: options.settings } : {}),
    });
    cleanups.push(() => server.stop());
    const chromium = await launchHeadlessChromium();
    cleanups.push(() => chromium.close());
    await chromium.page.goto(workbenchUrl(server.url, seeds.folder));
    await waitForExplorer(chromium.page);
    return { page: chromium.page, folder: seeds.folder, consoleLines: chromium.consoleLines, close };
  } catch (error) {
    await close();
    throw error;
  }
}
