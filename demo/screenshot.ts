import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../chromium/launchChromium';
import { DEMO_RECIPIENT_INFORMATION as who } from './server/demoRecipients';

/**
 * Retakes the README screenshot (`docs/demo.png`): the demo page with a debit card verified
 * and waiting on the confirmation page, events and webhooks logged. Run it against a running
 * demo: `npm start` in one terminal, then `npx tsx demo/screenshot.ts` (DEMO_URL to override).
 */

const demoUrl = process.env.DEMO_URL ?? 'http://localhost:3000';
const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'demo.png');

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 940 } });
  await page.goto(`${demoUrl}/?scenario=debit-happy`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#start');
  const widget = page.frameLocator('#capture iframe');
  const form = widget.locator('section[data-page="account_entry"] form');
  await form.waitFor();
  await form.locator('#first_name').fill(who.first_name);
  await form.locator('#last_name').fill(who.last_name);
  await form.locator('#card_number').fill('4000 0566 5566 5556');
  await form.locator('#expiration').fill('12/30');
  await form.locator('#address_line1').fill(who.address_line1);
  await form.locator('#city').fill(who.city);
  await form.locator('#state').selectOption(who.state);
  await form.locator('#zip_code').fill(who.zip_code);
  await form.locator('button[type="submit"]').click();
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
