import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tokenframe } from '../../packages/node/src/index';
import { completeInWidget, testData } from '../../packages/testing/src/index';
import { spawnService, type SpawnedService } from '../../server/testing/spawnService';
import { launchBrowser, openPage } from '../harness/browser';
import { startStaticServer, type StaticServer } from '../harness/staticServer';

/**
 * @tokenframe/testing's Playwright helper on the real widget (PRODUCT.md §9): a script-tag
 * merchant page mounts without a URL in hand, and the helper fills the form by its en-US
 * labels, continues and confirms, for a debit card, a bank account (ACH), a biller and PayPal.
 */

let service: SpawnedService;
let merchant: StaticServer;
let browser: Browser;
let tokenframe: Tokenframe;

const page = (serviceUrl: string, destination: string) => `<!doctype html>
<div id="capture"></div>
<script src="${serviceUrl}/sdk/tokenframe.js"></script>
<script>
  window.successes = [];
  const plugin = Tokenframe.create('#capture', {
    fetchAuthorizedUrl: async ({ signal }) =>
      (await fetch('/session', { method: 'POST', signal })).json(),
  });
  plugin.on(Tokenframe.EVENTS.TOKEN_SUCCESS, (event) => window.successes.push(event));
  plugin.mount('${destination}');
</script>`;

beforeAll(async () => {
  merchant = await startStaticServer({
    routes: {
      '/debit': () => ({ body: page(service.url, 'debit') }),
      '/ach': () => ({ body: page(service.url, 'ach') }),
      '/billpay': () => ({ body: page(service.url, 'billpay') }),
      '/paypal': () => ({ body: page(service.url, 'paypal') }),
      '/session': async () => {
        const created = await tokenframe.sessions.create({
          participant_unique_id1: `helper-${randomUUID()}`,
          host_uri: merchant.origin,
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
  for (const [destination, expected] of [
    ['debit', '•••• 5556'],
    ['ach', '•••• 6789'],
    ['billpay', '•••• 4567'],
    ['paypal', 'p•••@example.com'],
  ] as const) {
    it(`completes a sandbox ${destination} flow; the host page gets TOKEN_SUCCESS`, async () => {
      const tracked = await openPage(browser);
      try {
        await tracked.page.goto(merchant.url(`/${destination}`));
        await completeInWidget(tracked.page, { destination, timeoutMs: 60_000 });
        await expect
          .poll(
            () => tracked.page.evaluate(() => (window as never as { successes: [] }).successes),
            {
              timeout: 30_000,
            },
          )
          .toEqual([
            expect.objectContaining({
              funding_destination: destination,
              customer_account_token: expect.stringMatching(/^cat_/),
              account: expect.objectContaining({ display: expected }),
            }),
          ]);
      } finally {
        await tracked.close();
      }
    });
  }
});
