import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import type { Locale } from '../../protocol/constants';
import { REPO_ROOT } from '../../server/config';
import { spawnService } from '../../server/testing/spawnService';
import { SignedClient, sampleSessionRequest } from '../../server/testing/signedClient';
import { SCENARIOS } from '../../demo/server/scenarios';
import { startDemoProcess } from '../demo/demoProcess';
import { startScenario, submitTestData } from '../demo/demoPageDriver';
import { launchBrowser, waitUntil } from '../harness/browser';
import { startStaticServer, type StaticServer } from '../harness/staticServer';
import {
  SANDBOX_DEBIT_CARD,
  fillDebitForm,
  submitAccountForm,
  waitForPage,
} from '../i18n/debitForm';
import { requireWidgetBuild } from '../harness/merchantPage';

/**
 * `npm run screenshots`: every page of the flow, embedded in a merchant page on another
 * origin, for four locales (a left-to-right baseline, right-to-left, a tall script, long
 * German words) at phone and desktop width, light and dark, written to dist/screenshots/ as
 * `<locale>-<width>-<theme>-<NN>-<page>.png`, then the demo merchant page for the README
 * (docs/demo.png). Needs `npm run build` first.
 */

/** `SCREENSHOT_LOCALES=ar-SA,de-DE` narrows a run while working on one layout. */
const LOCALES_TOURED = (process.env.SCREENSHOT_LOCALES?.split(',') ?? [
  'en-US',
  'ar-SA',
  'km-KH',
  'de-DE',
]) as Locale[];
const WIDTHS = [375, 1280] as const;
const THEMES = ['light', 'dark'] as const;
const OUT = join(REPO_ROOT, 'dist/screenshots');

const HOST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Merchant</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;font-family:system-ui,sans-serif}h1{font-size:1.1rem;margin:12px 16px}</style>
<script src="/tokenframe.js"></script></head>
<body><h1>Merchant payouts</h1><div id="capture"></div>
<script>
window.mountWidget = async (url) => {
  const plugin = Tokenframe.create('#capture', { title: 'Add your payout account', autoHeight: true });
  try { await plugin.mount(url, 'debit'); return 'ready'; }
  catch (error) { return 'error: ' + (error && error.code || error); }
};
</script></body></html>`;

interface Combo {
  locale: Locale;
  width: (typeof WIDTHS)[number];
  theme: (typeof THEMES)[number];
}

async function main() {
  requireWidgetBuild();
  mkdirSync(OUT, { recursive: true });
  const host = await startStaticServer({
    hostname: '127.0.0.1',
    routes: {
      '/host.html': () => ({ body: HOST_PAGE }),
      '/tokenframe.js': () => ({
        type: 'text/javascript',
        body: readFileSync(join(REPO_ROOT, 'dist/sdk/tokenframe.js')),
      }),
    },
  });
  const service = await spawnService({
    timeoutMs: 90_000,
    env: { TOKENFRAME_EXTRA_HOSTS: host.origin, LOG_LEVEL: 'warn' },
  });
  const client = new SignedClient({
    baseUrl: service.url,
    username: 'demo',
    secret: 'demo-secret',
  });
  const browser = await launchBrowser();
  let written = 0;
  try {
    for (const locale of LOCALES_TOURED)
      for (const width of WIDTHS)
        for (const theme of THEMES) {
          written += await tour(browser, host, client, { locale, width, theme });
          console.log(`[screenshots] ${locale} ${width}px ${theme}: done`);
        }
  } finally {
    await browser.close();
    await service.kill();
    await host.close();
  }
  if (!process.env.SCREENSHOT_LOCALES) await demoPicture();
  console.log(`[screenshots] ${written} PNGs in ${OUT}`);
}

/**
 * The README's picture: the demo merchant page (`npm start`) with the widget on its
 * confirmation page after the debit scenario, saved to the tour and copied to docs/demo.png.
 */
async function demoPicture(): Promise<void> {
  const demo = await startDemoProcess();
  const browser = await launchBrowser();
  try {
    const scenario = SCENARIOS.find((candidate) => candidate.id === 'debit-happy')!;
    const demoPage = await startScenario(browser, demo.demoUrl, scenario, {
      viewport: { width: 1360, height: 940 },
    });
    await demoPage.waitForEvent('tokenframe.ready');
    await submitTestData(demoPage.widget, scenario);
    await demoPage.waitForEvent('tokenframe.page_load', 3);
    await demoPage.widget.locator('section[data-page="confirmation"]').waitFor();
    await shootDemo(demoPage.page);
    await demoPage.close();
  } finally {
    await browser.close();
    await demo.stop();
  }
  copyFileSync(join(OUT, 'demo-merchant-1360-light.png'), join(REPO_ROOT, 'docs/demo.png'));
}

async function shootDemo(page: Page): Promise<void> {
  let last = -1;
  await waitUntil(
    'the demo frame to settle',
    async () => {
      const height = await page.$eval('#capture iframe', (frame) => frame.clientHeight);
      const settled = height === last;
      last = height;
      return settled;
    },
    15_000,
    200,
  );
  await page.screenshot({
    path: join(OUT, 'demo-merchant-1360-light.png'),
    animations: 'disabled',
  });
}

let participants = 0;

/** Creates a session for the combo and mounts it on a fresh merchant page. */
async function mount(
  browser: Browser,
  host: StaticServer,
  client: SignedClient,
  combo: Combo,
  beforeLoad?: (page: Page) => Promise<unknown>,
) {
  const context = await browser.newContext({
    viewport: { width: combo.width, height: combo.width < 600 ? 812 : 900 },
    colorScheme: combo.theme,
  });
  const page = await context.newPage();
  await beforeLoad?.(page);
  await page.goto(host.url('/host.html'));
  participants += 1;
  const created = await client.createSession<{
    data: { authorized_url: string };
  }>(
    sampleSessionRequest({
      host_uri: host.origin,
      participant_unique_id1: `tour-${participants}-${Date.now()}`,
      language_locale_code: combo.locale,
      theme_variant: combo.theme,
    }),
  );
  const url = created.body.data.authorized_url;
  const mounted = page.evaluate(
    (authorizedUrl) =>
      (window as unknown as { mountWidget(u: string): Promise<string> }).mountWidget(authorizedUrl),
    url,
  );
  return { context, page, url, mounted };
}

async function widgetFrame(page: Page): Promise<Frame> {
  return waitUntil('the widget frame', () =>
    page.frames().find((frame) => frame.url().includes('/session/')),
  );
}

/** Waits until the frame's height has stopped changing (auto height), then saves the page. */
async function shoot(page: Page, combo: Combo, name: string): Promise<number> {
  let last = -1;
  await waitUntil(
    'the frame height to settle',
    async () => {
      const height = await page.$eval('#capture iframe', (frame) => frame.clientHeight);
      const settled = height === last;
      last = height;
      return settled;
    },
    15_000,
    150,
  );
  await saveWhole(page, `${combo.locale}-${combo.width}-${combo.theme}-${name}.png`);
  return 1;
}

/**
 * Saves the whole page. The viewport is grown to the document's height first instead of
 * `fullPage`: a full-page capture stitches the cross-origin frame from a stale paint.
 */
async function saveWhole(page: Page, file: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.screenshot({ path: join(OUT, file), animations: 'disabled' });
  await page.setViewportSize(viewport);
}

/** One combo: every page of the flow. Returns how many PNGs it wrote. */
async function tour(
  browser: Browser,
  host: StaticServer,
  client: SignedClient,
  combo: Combo,
): Promise<number> {
  let count = 0;
  // Loading (exchange held back), then account entry, errors, picker, a failed call, the
  // confirmation, the leave step and success.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let abortNext = true;
  const main = await mount(browser, host, client, combo, async (page) => {
    await page.route('**/api/widget/v1/exchange', async (route) => {
      await held;
      await route.continue();
    });
    await page.route('**/api/widget/v1/account', (route) => {
      if (!abortNext) return route.continue();
      abortNext = false;
      return route.abort('failed');
    });
  });
  try {
    const { page } = main;
    const frame = await widgetFrame(page);
    await waitForPage(frame, 'loading');
    count += await shoot(page, combo, '01-loading');
    release();
    await main.mounted;
    await waitForPage(frame, 'account_entry');
    count += await shoot(page, combo, '02-account-entry');
    await submitAccountForm(frame);
    await frame.waitForSelector('.error-summary');
    count += await shoot(page, combo, '03-account-entry-errors');
    await frame.click('form.account-form .button.secondary >> nth=0');
    await waitForPage(frame, 'destination_picker');
    count += await shoot(page, combo, '04-destination-picker');
    await frame.click('form.destination-picker .button.secondary');
    await waitForPage(frame, 'account_entry');
    await fillDebitForm(frame, SANDBOX_DEBIT_CARD);
    count += await shoot(page, combo, '05-account-entry-filled');
    await submitAccountForm(frame);
    await frame.waitForSelector('.action-error');
    count += await shoot(page, combo, '06-network-error');
    await frame.click('.action-error .button');
    await waitForPage(frame, 'confirmation');
    count += await shoot(page, combo, '07-confirmation');
    await frame.click('section[data-page="confirmation"] .cancel-link');
    await frame.waitForSelector('.leave-confirm');
    count += await shoot(page, combo, '08-leave-confirm');
    await frame.click('.leave-confirm .button.primary');
    await frame.click('section[data-page="confirmation"] .button.primary');
    await waitForPage(frame, 'success');
    count += await shoot(page, combo, '09-success');
  } finally {
    await main.context.close();
  }

  // Canceled, and three recipient-verification mismatches to the terminal-failure page.
  const second = await mount(browser, host, client, combo);
  try {
    const { page } = second;
    await second.mounted;
    const frame = await widgetFrame(page);
    await waitForPage(frame, 'account_entry');
    await fillDebitForm(frame, SANDBOX_DEBIT_CARD, { last_name: 'Mismatch' });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const answered = page.waitForResponse((response) =>
        response.url().includes('/api/widget/v1/account'),
      );
      await submitAccountForm(frame);
      await answered;
      if (attempt === 1) {
        await frame.waitForSelector('.failure-notice');
        count += await shoot(page, combo, '10-verification-failed');
      }
      if (attempt < 3)
        await frame.waitForSelector('form.account-form button[type="submit"]:not([disabled])');
    }
    await waitForPage(frame, 'terminal_failure');
    count += await shoot(page, combo, '11-terminal-failure');
  } finally {
    await second.context.close();
  }

  const third = await mount(browser, host, client, combo);
  try {
    const { page } = third;
    await third.mounted;
    const frame = await widgetFrame(page);
    await waitForPage(frame, 'account_entry');
    await frame.click('form.account-form .cancel-link');
    await frame.click('.leave-confirm-button');
    await waitForPage(frame, 'canceled');
    count += await shoot(page, combo, '12-canceled');
    // The used URL opened again top-level: the session error page, as a webview shows it.
    const reopened = await third.context.newPage();
    await reopened.goto(third.url);
    await reopened.waitForSelector('section[data-page="session_error"]');
    await saveWhole(reopened, `${combo.locale}-${combo.width}-${combo.theme}-13-session-error.png`);
    count += 1;
  } finally {
    await third.context.close();
  }
  return count;
}

// Not a test file: run by `npm run screenshots` through tsx.
void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
