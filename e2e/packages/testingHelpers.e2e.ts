import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tokenframe } from '../../packages/node/src/index';
import type { Locale } from '../../protocol/constants';
import {
  completeInWidget,
  completeSession,
  testData,
  widgetFrame,
  type CompletableDestination,
} from '../../packages/testing/src/index';
import { spawnService, type SpawnedService } from '../../server/testing/spawnService';
import { launchBrowser, openPage } from '../harness/browser';
import { startStaticServer, type StaticServer } from '../harness/staticServer';

/**
 * @tokenframe/testing's Playwright helper on the real widget (PRODUCT.md §9): a script-tag
 * merchant page mounts without a URL in hand, and the helper fills the form by its labels in
 * the session's locale, continues and confirms, for a debit card, a bank account (ACH), a
 * biller, PayPal by email and by mobile number; in en-US, de-DE and ar-SA.
 */

let service: SpawnedService;
let merchant: StaticServer;
let browser: Browser;
let tokenframe: Tokenframe;

/** A script-tag merchant page that mounts `destination`; its sessions speak `locale`. */
const page = (serviceUrl: string, destination: string, locale: string) => `<!doctype html>
<div id="capture"></div>
<script src="${serviceUrl}/sdk/tokenframe.js"></script>
<script>
  window.successes = [];
  const plugin = Tokenframe.create('#capture', {
    fetchAuthorizedUrl: async ({ signal }) =>
      (await fetch('/session?locale=${locale}', { method: 'POST', signal })).json(),
  });
  plugin.on(Tokenframe.EVENTS.TOKEN_SUCCESS, (event) => window.successes.push(event));
  plugin.mount('${destination}');
</script>`;

beforeAll(async () => {
  merchant = await startStaticServer({
    routes: {
      '/page/*': ({ url }) => ({
        body: page(
          service.url,
          url.pathname.split('/').pop()!,
          url.searchParams.get('locale') ?? 'en-US',
        ),
      }),
      '/session': async ({ url }) => {
        const created = await tokenframe.sessions.create({
          participant_unique_id1: `helper-${randomUUID()}`,
          host_uri: merchant.origin,
          language_locale_code: url.searchParams.get('locale') as 'en-US',
          recipient_information: testData.recipient,
        });
        return { type: 'application/json', body: JSON.stringify(created.data) };
      },
    },
  });
  service = await spawnService({
    env: { TOKENFRAME_EXTRA_HOSTS: merchant.origin },
    timeoutMs: 60_000,
  });
  tokenframe = new Tokenframe({ baseUrl: service.url, username: 'demo', secret: 'demo-secret' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await service?.kill();
  await merchant?.close();
});

describe('completeInWidget (Playwright, the real widget)', () => {
  const cases: {
    destination: CompletableDestination;
    expected: string;
    locale?: Locale;
    paypalContact?: 'email' | 'phone';
  }[] = [
    { destination: 'debit', expected: '•••• 5556' },
    { destination: 'ach', expected: '•••• 6789' },
    { destination: 'billpay', expected: '•••• 4567' },
    { destination: 'paypal', expected: 'p•••@example.com' },
    // By its mobile number, in a session whose widget speaks German (labels from de-DE.json).
    { destination: 'paypal', expected: '•••• 0123', locale: 'de-DE', paypalContact: 'phone' },
    // A right-to-left locale, with the card and address form.
    { destination: 'debit', expected: '•••• 5556', locale: 'ar-SA' },
  ];
  for (const { destination, expected, locale = 'en-US', paypalContact } of cases) {
    const how = paypalContact ? ` by ${paypalContact}` : '';
    it(`completes a sandbox ${destination} flow${how} in ${locale}; the host page gets TOKEN_SUCCESS`, async () => {
      const tracked = await openPage(browser);
      try {
        await tracked.page.goto(merchant.url(`/page/${destination}?locale=${locale}`));
        await completeInWidget(tracked.page, {
          destination,
          locale,
          paypalContact,
          timeoutMs: 60_000,
        });
        await expect
          .poll(
            () => tracked.page.evaluate(() => (window as never as { successes: [] }).successes),
            { timeout: 30_000 },
          )
          .toEqual([
            expect.objectContaining({
              funding_destination: destination,
              customer_account_token: expect.stringMatching(/^cat_/),
              account: expect.objectContaining({ display: expected }),
            }),
          ]);
        // The widget really spoke the session's language (the helper found its labels).
        expect(await widgetFrame(tracked.page).locator('html').getAttribute('lang')).toBe(locale);
      } finally {
        await tracked.close();
      }
    });
  }

  it('completes PayPal by mobile number headlessly too', async () => {
    const created = await tokenframe.sessions.create({
      participant_unique_id1: `helper-${randomUUID()}`,
      recipient_information: testData.recipient,
    });
    const completed = await completeSession(created.data.authorized_url, {
      destination: 'paypal',
      paypalContact: 'phone',
    });
    expect(completed.account).toMatchObject({ display: '•••• 0123', last4: '0123' });
  });
});
