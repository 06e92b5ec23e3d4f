import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, type Scenario } from '../../demo/server/scenarios';
import { launchBrowser, waitUntil } from '../harness/browser';
import { startDemoProcess, type DemoProcess } from './demoProcess';
import { confirmAccount, startScenario, submitTestData, type DemoPage } from './demoPageDriver';

/**
 * Every scenario preset of the demo page, driven in real Chromium against `demo/start.ts`
 * (service + demo backend, fresh data folder, free ports). Each test types the preset's own
 * test data, so the page and this suite cannot disagree about the sandbox.
 */

let demo: DemoProcess;
let browser: Browser;
let open: DemoPage | undefined;

const scenario = (id: string): Scenario => {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
};

beforeAll(async () => {
  demo = await startDemoProcess();
  browser = await launchBrowser();
});

afterEach(async () => {
  if (open) {
    // The demo page runs under the merchant CSP the README recommends: nothing may be refused.
    expect(open.consoleMessages.filter((m) => m.includes('Content Security Policy'))).toEqual([]);
    expect(open.pageErrors).toEqual([]);
    await open.close();
  }
  open = undefined;
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

/** Full happy path: type, confirm, TOKEN_SUCCESS, webhook received, session completed. */
async function tokenizes(id: string, last4: string | null) {
  const preset = scenario(id);
  open = await startScenario(browser, demo.demoUrl, preset);
  await submitTestData(open.widget, preset);
  const confirmation = await confirmAccount(open.widget);
  if (last4) expect(confirmation).toContain(`•••• ${last4}`);
  const success = await open.waitForEvent('tokenframe.token_success');
  expect(success.customer_account_token).toMatch(/^cat_/);
  expect(success.funding_destination).toBe(preset.destination);
  if (last4) expect(success.account).toMatchObject({ last4 });
  await waitUntil('token_success webhook', async () =>
    (await open!.webhookTopics()).includes('tokenframe.token_success'),
  );
  expect(await open.sessionField('state', 'completed')).toBe('completed');
  const logs = await open.page.$$eval('#event-log, #webhook-log, #session-panel', (panels) =>
    panels.map((panel) => panel.textContent ?? '').join('\n'),
  );
  for (const row of preset.testData.filter((r) => /(card|account|mobile) number/i.test(r.field))) {
    // No full card, account or phone number in an event, a webhook or the ops API.
    expect(logs).not.toContain(row.value.replace(/\s/g, ''));
  }
  return success;
}

describe('demo page scenarios', () => {
  it('debit happy path: verified, tokenized, webhook received, session completed', async () => {
    await tokenizes('debit-happy', '5556');
  });

  it('credit happy path tokenizes 4111 1111 1111 1111', async () => {
    await tokenizes('credit-happy', '1111');
  });

  it('ACH happy path tokenizes routing 011000015 / account 000123456789 with its bank name', async () => {
    const success = await tokenizes('ach-happy', '6789');
    expect((success.account as { bank_name?: string }).bank_name).toBeTruthy();
  });

  it('PayPal happy path tokenizes the recipient mobile number', async () => {
    await tokenizes('paypal-happy', '0100');
  });

  it('BillPay happy path tokenizes a biller account', async () => {
    await tokenizes('billpay-happy', null);
  });

  it('debit with a credit card shows an inline error and counts no attempt', async () => {
    const preset = scenario('debit-credit-card');
    open = await startScenario(browser, demo.demoUrl, preset);
    await submitTestData(open.widget, preset);
    await open.widget.locator('#card_number-error').waitFor();
    expect(await open.widget.locator('#card_number-error').textContent()).toMatch(/debit/i);
    const names = (await open.events()).map((e) => e.event_name);
    expect(names).not.toContain('tokenframe.account_could_not_be_verified');
    expect(await open.sessionField('attempts_used', '0')).toBe('0');
  });

  it('RVDM mismatch: a different last name is a failed recipient-verification attempt', async () => {
    const preset = scenario('rvdm-mismatch');
    open = await startScenario(browser, demo.demoUrl, preset);
    await submitTestData(open.widget, preset);
    const failure = await open.waitForEvent('tokenframe.account_could_not_be_verified');
    expect(failure).toMatchObject({ feature: 'recipient_verification', attempts_remaining: 2 });
    expect(await open.sessionField('attempts_used', '1')).toBe('1');
  });

  it('account failure 700: card 4000 0000 0000 0002 is a failed account-verification attempt', async () => {
    const preset = scenario('account-700');
    open = await startScenario(browser, demo.demoUrl, preset);
    await submitTestData(open.widget, preset);
    const failure = await open.waitForEvent('tokenframe.account_could_not_be_verified');
    expect(failure).toMatchObject({
      feature: 'account_verification',
      code: '700',
      attempts_remaining: 2,
    });
  });

  it('ACH 777: account 000111111113 fails name/address verification', async () => {
    const preset = scenario('ach-777');
    open = await startScenario(browser, demo.demoUrl, preset);
    await submitTestData(open.widget, preset);
    const failure = await open.waitForEvent('tokenframe.account_could_not_be_verified');
    expect(failure).toMatchObject({ code: '777' });
  });

  it('max attempts: 3 failures end the mount, Continue re-requests, 2 more end the session', async () => {
    const preset = scenario('max-attempts');
    open = await startScenario(browser, demo.demoUrl, preset);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await submitTestData(open.widget, preset);
      await open.waitForEvent('tokenframe.account_could_not_be_verified', attempt);
    }
    await open.waitForEvent('tokenframe.terminal_failure');
    await open.widget.locator('section[data-page="terminal_failure"] button.primary').click();
    await open.waitForEvent('tokenframe.terminal_failure_acknowledged');
    const reauthorizing = await open.waitForEvent('tokenframe.reauthorizing');
    expect(reauthorizing.reason).toBe('terminal_failure_acknowledged');
    await open.waitForEvent('tokenframe.ready', 2);
    // The re-request replayed the recipient's idempotency key: same session, status 101.
    expect(await open.page.textContent('#create-status')).toContain('101');
    for (let attempt = 4; attempt <= 5; attempt += 1) {
      await submitTestData(open.widget, preset);
      if (attempt < 5) await open.waitForEvent('tokenframe.account_could_not_be_verified', attempt);
    }
    await open.waitForEvent('tokenframe.max_verification_attempts_exceeded');
    expect(await open.sessionField('state', 'max_attempts_exceeded')).toBe('max_attempts_exceeded');
  });

  it('expired URL: minted, held 31 s, then the SDK re-requests (url_expired) and mounts a fresh one', async () => {
    const preset = scenario('expired-url');
    open = await startScenario(browser, demo.demoUrl, preset, { readyTimeoutMs: 60_000 });
    const names = (await open.events()).map((e) => e.event_name);
    expect(names.indexOf('tokenframe.reauthorizing')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('tokenframe.reauthorizing')).toBeLessThan(
      names.indexOf('tokenframe.ready'),
    );
    const reauthorizing = await open.waitForEvent('tokenframe.reauthorizing');
    expect(reauthorizing.reason).toBe('url_expired');
    expect(await open.page.textContent('#create-status')).toContain('101');
    await submitTestData(open.widget, preset);
    await confirmAccount(open.widget);
    await open.waitForEvent('tokenframe.token_success');
  });

  it('is usable 375 px wide: no horizontal scroll, and the widget frame grows to show its whole form', async () => {
    const preset = scenario('debit-happy');
    open = await startScenario(browser, demo.demoUrl, preset, {
      viewport: { width: 375, height: 740 },
    });
    const overflow = await open.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await open.widget.locator('#card_number').waitFor();
    // Usable means the whole form is reachable: the frame grows to its content (autoHeight).
    const heights = async () => {
      const frameHeight = await open!.page.$eval('#capture iframe', (f) => f.clientHeight);
      const content = await open!.widget.locator('html').evaluate((html) => html.scrollHeight);
      return { frameHeight, content };
    };
    const fits = await waitUntil(
      'the widget frame to grow to its content at 375 px',
      async () => {
        const h = await heights();
        return h.frameHeight >= h.content - 2 ? h : undefined;
      },
      5_000,
    ).catch(heights);
    expect(fits.frameHeight).toBeGreaterThanOrEqual(fits.content - 2);
  });
});
