import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../chromium/launchChromium';
import { demoEndpointsFromEnv } from './demoEndpoints';
import { submitTestData } from './driver/widgetDriver';
import { SCENARIOS } from './server/scenarios';

/**
 * Retakes the README screenshot (`docs/demo.png`): the demo page with a debit card verified
 * and waiting on the confirmation page, events and webhooks logged. Run it against a running
 * demo: `npm start` in one terminal, then `npx tsx demo/screenshot.ts` (with the same DEMO_PORT,
 * or DEMO_URL).
 */

const demoUrl = process.env.DEMO_URL ?? demoEndpointsFromEnv(process.env).demoUrl;
const scenario = SCENARIOS.find((s) => s.id === 'debit-happy')!;
const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'demo.png');

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 940 } });
  await page.goto(`${demoUrl}/?scenario=${scenario.id}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#start');
  const widget = page.frameLocator('#capture iframe');
  await submitTestData(widget, scenario);
  await widget.locator('section[data-page="confirmation"]').waitFor();
  await page.waitForSelector('#webhook-log li[data-topic="session.mounted"]');
  await page.click('#refresh-session');
  await page.waitForTimeout(800);
  // Clicking refresh scrolled to the session panel; the picture starts at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  mkdirSync(join(out, '..'), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
