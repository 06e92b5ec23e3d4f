import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Scenario } from '../../demo/server/scenarios';
import { openPage, waitUntil, type TrackedPage } from '../harness/browser';

/**
 * Drives the demo merchant page the way a QA person does: pick a scenario, press Start,
 * type the scenario's own test data into the widget, and read the page's event, webhook
 * and session panels.
 */

/** One SDK event as the page logged it. */
export type LoggedEvent = Record<string, unknown> & { event_name: string };

/** A demo page with a started scenario. */
export interface DemoPage extends TrackedPage {
  widget: FrameLocator;
  /** The SDK events logged so far, oldest first. */
  events(): Promise<LoggedEvent[]>;
  /** Waits until the page logged `count` events named `eventName`; returns the last one. */
  waitForEvent(eventName: string, count?: number, timeoutMs?: number): Promise<LoggedEvent>;
  /** Webhook topics the page shows, oldest first. */
  webhookTopics(): Promise<string[]>;
  /**
   * Refreshes the session panel (ops API) until its field `name` (e.g. `state`) shows
   * `expected`; returns the last value seen, so a failing expect shows what was there.
   */
  sessionField(name: string, expected: string): Promise<string | null>;
}

/** Options of {@link startScenario}. */
export interface StartOptions {
  viewport?: { width: number; height: number };
  readyTimeoutMs?: number;
  /** Extra query (locale, theme, appearance…) after `scenario=`. */
  query?: string;
}

/** Opens the demo page, selects `scenario`, presses Start and waits for READY. */
export async function startScenario(
  browser: Browser,
  demoUrl: string,
  scenario: Scenario,
  options: StartOptions = {},
): Promise<DemoPage> {
  const tracked = await openPage(browser);
  const { page } = tracked;
  if (options.viewport) await page.setViewportSize(options.viewport);
  await page.goto(`${demoUrl}/?scenario=${scenario.id}${options.query ? `&${options.query}` : ''}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#start');
  const demoPage: DemoPage = {
    ...tracked,
    widget: page.frameLocator('#capture iframe'),
    events: () => loggedEvents(page),
    waitForEvent: (eventName, count = 1, timeoutMs = 20_000) =>
      waitUntil(
        `${count}× ${eventName} (logged: ${tracked.consoleMessages.length} console lines)`,
        async () => {
          const matching = (await loggedEvents(page)).filter((e) => e.event_name === eventName);
          return matching.length >= count ? matching[matching.length - 1] : undefined;
        },
        timeoutMs,
        100,
      ),
    webhookTopics: () =>
      page.$$eval('#webhook-log li', (items) =>
        items.map((item) => item.getAttribute('data-topic') ?? '').reverse(),
      ),
    sessionField: async (name, expected) => {
      const cell = page.locator(`#session-panel dd[data-field="${name}"]`);
      let last: string | null = null;
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const refreshed = page.waitForResponse((r) => r.url().includes('/demo/api/sessions/'));
        await page.click('#refresh-session');
        await refreshed;
        await page.waitForTimeout(50);
        last = (await cell.count()) > 0 ? await cell.textContent() : null;
        if (last === expected) break;
        await page.waitForTimeout(250);
      }
      return last;
    },
  };
  await demoPage.waitForEvent('tokenframe.ready', 1, options.readyTimeoutMs ?? 30_000);
  return demoPage;
}

async function loggedEvents(page: Page): Promise<LoggedEvent[]> {
  const texts = await page.$$eval('#event-log li[data-event^="tokenframe."] pre', (blocks) =>
    blocks.map((block) => block.textContent ?? ''),
  );
  return texts.map((text) => JSON.parse(text) as LoggedEvent).reverse();
}

export {
  cancelFlow,
  confirmAccount,
  submitTestData,
  type WidgetRoot,
} from '../../demo/driver/widgetDriver';
