import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../chromium/launchChromium';

/**
 * The one way every browser test, benchmark and screenshot script gets its Chromium:
 * `TOKENFRAME_CHROMIUM`, else a system Chromium or Chrome, else the npm-shipped Chromium
 * (Linux x64), with the npm Noto fonts (chromium/README.md).
 */
export {
  CHROMIUM_ARGS,
  launchChromium,
  prepareChromium,
  type LaunchChromiumOptions,
  type PreparedChromium,
} from '../../chromium/launchChromium';
export {
  resolveChromium,
  ChromiumNotFoundError,
  type ResolvedChromium,
} from '../../chromium/resolveChromium';

/** Launches headless Chromium ({@link launchChromium}). Close it in `afterAll`. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A page plus everything it printed, for assertions and for failure messages. */
export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  /** `type: text` of every console message, from the page and its frames. */
  consoleMessages: string[];
  /** Uncaught errors thrown in the page. */
  pageErrors: string[];
  /** Closes the page's private context (cookies, storage). */
  close(): Promise<void>;
}

/**
 * Opens a page in a fresh context, recording console output and uncaught errors. Set
 * TOKENFRAME_E2E_VERBOSE=1 to echo them while a suite runs.
 */
export async function openPage(browser: Browser): Promise<TrackedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleMessages: string[] = [];
  const pageErrors: string[] = [];
  const verbose = process.env.TOKENFRAME_E2E_VERBOSE === '1';
  page.on('console', (message) => {
    const line = `${message.type()}: ${message.text()}`;
    consoleMessages.push(line);
    if (verbose) console.log('[page]', line);
  });
  page.on('pageerror', (error) => {
    pageErrors.push(String(error));
    if (verbose) console.log('[page error]', String(error));
  });
  return { page, context, consoleMessages, pageErrors, close: () => context.close() };
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes (then throws `what`). */
export async function waitUntil<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 15_000,
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
