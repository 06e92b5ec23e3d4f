import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
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

/** Opens the demo page, selects `scenario`, presses Start and waits for READY. */
export async function startScenario(
  browser: Browser,
  demoUrl: string,
  scenario: Scenario,
  options: { viewport?: { width: number; height: number }; readyTimeoutMs?: number } = {},
): Promise<DemoPage> {
  const tracked = await openPage(browser);
  const { page } = tracked;
  if (options.viewport) await page.setViewportSize(options.viewport);
  await page.goto(`${demoUrl}/?scenario=${scenario.id}`);
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
      const deadline = Date.now() + 10_000;
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
  await demoPage.waitForEvent('tokenframe.ready', 1, options.readyTimeoutMs ?? 20_000);
  return demoPage;
}

async function loggedEvents(page: Page): Promise<LoggedEvent[]> {
  const texts = await page.$$eval('#event-log li[data-event^="tokenframe."] pre', (blocks) =>
    blocks.map((block) => block.textContent ?? ''),
  );
  return texts.map((text) => JSON.parse(text) as LoggedEvent).reverse();
}

const valueOf = (scenario: Scenario, field: string): string => {
  const row = scenario.testData.find((r) => r.field === field);
  if (!row) throw new Error(`scenario ${scenario.id} has no "${field}" test data`);
  return row.value;
};

/** Where the widget runs: an iframe (embedded) or the page itself (standalone/webview). */
export type WidgetRoot = FrameLocator | Page;

const find = (root: WidgetRoot, selector: string): Locator =>
  'mainFrame' in root ? root.locator(selector) : root.locator(selector);

/** Types the scenario's test data into the account-entry page and presses Continue. */
export async function submitTestData(widget: WidgetRoot, scenario: Scenario): Promise<void> {
  const form = find(widget, 'section[data-page="account_entry"] form');
  await form.waitFor();
  const has = (field: string) => scenario.testData.some((r) => r.field === field);
  if (has('First name')) {
    await form.locator('#first_name').fill(valueOf(scenario, 'First name'));
    await form.locator('#last_name').fill(valueOf(scenario, 'Last name'));
  }
  if (has('Card number')) {
    await form.locator('#card_number').fill(valueOf(scenario, 'Card number'));
    await form.locator('#expiration').fill(valueOf(scenario, 'Expiration date'));
  }
  if (has('Routing number')) {
    await form.locator('#routing_number').fill(valueOf(scenario, 'Routing number'));
    const account = valueOf(scenario, 'Account number (twice)');
    await form.locator('#account_number').fill(account);
    await form.locator('#account_number_confirm').fill(account);
    await form.locator('input[name="account_type"][value="checking"]').check();
  }
  if (has('Address line 1')) {
    await form.locator('#address_line1').fill(valueOf(scenario, 'Address line 1'));
    await form.locator('#city').fill(valueOf(scenario, 'City'));
    await form.locator('#state').selectOption(valueOf(scenario, 'State'));
    await form.locator('#zip_code').fill(valueOf(scenario, 'ZIP code'));
  }
  if (has('PayPal mobile number'))
    await form.locator('#paypal_phone').fill(valueOf(scenario, 'PayPal mobile number'));
  if (has('Biller search')) {
    await form.locator('#biller_search').fill(valueOf(scenario, 'Biller search'));
    await form.locator('input[name="biller_id"][value="verizon_wireless"]').check();
    await form
      .locator('#biller_account_number')
      .fill(valueOf(scenario, 'Account number at the biller'));
  }
  await form.locator('button[type="submit"]').click();
}

/** Presses Confirm on the confirmation page. */
export async function confirmAccount(widget: WidgetRoot): Promise<string> {
  const page = find(widget, 'section[data-page="confirmation"]');
  await page.waitFor();
  const text = (await page.textContent()) ?? '';
  await page.locator('button.primary').click();
  return text;
}
