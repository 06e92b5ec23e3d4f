import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../server/config';
import { spawnService, type SpawnedService } from '../server/testing/spawnService';
import { SignedClient, sampleSessionRequest } from '../server/testing/signedClient';
import { launchBrowser, openPage, waitUntil, type TrackedPage } from './harness/browser';
import { startStaticServer, type StaticServer } from './harness/staticServer';
import { merchantPageRoutes, requireWidgetBuild } from './harness/merchantPage';

/**
 * The widget flow end to end (issue 4): the real service as a process, a merchant page on
 * another origin (127.0.0.1 vs the service's localhost: another site, as in production)
 * embedding the built SDK by script tag, fields found by their visible labels as a screen
 * reader would. Every number typed here is collected and searched for afterwards in all the
 * host page received, the service's log output, webhook bodies and ops API responses.
 */

const TEST_NUMBERS = [
  '4000056655665556',
  '5200828282828210',
  '4111111111111111',
  '4000000000000002',
  '000123456789',
  '000111111113',
  '7305918264',
];
const RECIPIENT = sampleSessionRequest().recipient_information as Record<string, string>;

let browser: Browser;
let service: SpawnedService;
let host: StaticServer;
let webhooks: StaticServer;
let client: SignedClient;
const webhookBodies: string[] = [];
const opsResponses: string[] = [];
const hostReceived: string[] = [];
/** Create-session answers per idempotency key, oldest first. */
const creates = new Map<
  string,
  { status: number; session_identifier?: string; authorized_url?: string }[]
>();
const mountToReadyMs: number[] = [];

/** The merchant's page script: records every SDK event and the mount-to-ready time. */
const HOST_SCRIPT = `
(async () => {
  const query = new URLSearchParams(location.search);
  const key = query.get('key');
  window.__events = [];
  const target = '/create-session?key=' + encodeURIComponent(key) + '&theme=' + (query.get('theme') || 'light');
  const fetchUrl = async () => (await fetch(target, { method: 'POST' })).json();
  const plugin = Tokenframe.create('#capture', {
    fetchAuthorizedUrl: query.get('refetch') === 'no' ? undefined : fetchUrl,
    title: 'Add your payout account',
    autoHeight: true,
  });
  for (const name of Object.keys(Tokenframe.EVENTS)) plugin.on(name, (event) => window.__events.push(event));
  const first = query.get('url') ? { authorized_url: query.get('url') } : await fetchUrl();
  const started = performance.now();
  try {
    await plugin.mount(first.authorized_url, query.get('destination') || 'debit');
    window.__mountToReadyMs = performance.now() - started;
  } catch (error) {
    window.__mountError = String(error && error.code || error);
  }
})();`;

beforeAll(async () => {
  requireWidgetBuild();
  webhooks = await startStaticServer({
    routes: {
      '/webhook': (request) => {
        webhookBodies.push(request.body);
        return { status: 200, type: 'application/json', body: '{}' };
      },
    },
  });
  // The host's origin must be known before the service starts (allowlist), so start it first.
  host = await startStaticServer({
    hostname: '127.0.0.1',
    routes: {
      ...merchantPageRoutes(HOST_SCRIPT),
      '/create-session': async (request) => {
        const key = request.url.searchParams.get('key') ?? 'none';
        const theme = request.url.searchParams.get('theme') ?? 'light';
        const response = await client.createSession<{
          status: number;
          data: {
            session_identifier: string;
            authorized_url: string;
            authorized_url_expiration_utc: string;
          };
        }>(
          sampleSessionRequest({
            host_uri: host.origin,
            participant_unique_id1: `p-${key}`,
            theme_variant: theme,
          }),
          key,
        );
        const list = creates.get(key) ?? [];
        list.push({
          status: response.body.status,
          session_identifier: response.body.data?.session_identifier,
          authorized_url: response.body.data?.authorized_url,
        });
        creates.set(key, list);
        const ok = response.body.status === 100 || response.body.status === 101;
        const body = JSON.stringify(ok ? response.body.data : { status: response.body.status });
        return { status: ok ? 200 : 409, type: 'application/json', body };
      },
    },
  });
  service = await spawnService({
    // The machine is shared: allow a slow start under load.
    timeoutMs: 90_000,
    env: {
      TOKENFRAME_EXTRA_HOSTS: host.origin,
      TOKENFRAME_WEBHOOK_URL: webhooks.url('/webhook'),
      TOKENFRAME_WEBHOOK_SECRET: 'whsec_e2e_widget_flow',
      LOG_LEVEL: 'info',
    },
  });
  client = new SignedClient({ baseUrl: service.url, username: 'demo', secret: 'demo-secret' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await service?.kill();
  await host?.close();
  await webhooks?.close();
  if (mountToReadyMs.length > 0) {
    const sorted = [...mountToReadyMs].sort((a, b) => a - b);
    console.log(
      `[widget-flow] mount→READY over ${sorted.length} mounts: median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms, max ${Math.round(sorted[sorted.length - 1]!)} ms`,
    );
  }
});

type HostEvent = Record<string, unknown> & { event_name: string };

interface HostPage extends TrackedPage {
  key: string;
  widget: FrameLocator;
  events(): Promise<HostEvent[]>;
  waitForEvent(eventName: string, count?: number): Promise<HostEvent>;
  frame(): Promise<Frame>;
}

let keyCounter = 0;

/** Opens the merchant page with a fresh idempotency key and waits for the first READY. */
async function openHost(
  options: {
    destination?: string;
    url?: string;
    refetch?: boolean;
    theme?: 'light' | 'dark';
    /** Runs before the page loads (e.g. to hold back a request). */
    before?: (page: TrackedPage['page']) => Promise<unknown>;
  } = {},
): Promise<HostPage> {
  const tracked = await openPage(browser);
  const key = `widget-flow-${Date.now()}-${(keyCounter += 1)}`;
  const query = new URLSearchParams({ key, destination: options.destination ?? 'debit' });
  if (options.url) query.set('url', options.url);
  if (options.refetch === false) query.set('refetch', 'no');
  if (options.theme) query.set('theme', options.theme);
  await options.before?.(tracked.page);
  await tracked.page.goto(host.url(`/host.html?${query}`));
  const events = async () => {
    const list =
      (await tracked.page.evaluate(
        () => (window as unknown as { __events: HostEvent[] }).__events,
      )) ?? [];
    return list;
  };
  let readyRecorded = false;
  const hostPage: HostPage = {
    ...tracked,
    key,
    widget: tracked.page.frameLocator('#capture iframe'),
    events,
    waitForEvent: (eventName, count = 1) =>
      waitUntil(
        `${count}× ${eventName}`,
        async () => {
          const matching = (await events()).filter((event) => event.event_name === eventName);
          return matching.length >= count ? matching[matching.length - 1] : undefined;
        },
        30_000,
        50,
      ).then(async (event) => {
        if (eventName === 'tokenframe.ready' && count === 1 && !readyRecorded) {
          readyRecorded = true;
          await recordReady(hostPage);
        }
        return event;
      }),
    frame: () =>
      waitUntil('the widget frame', () =>
        tracked.page.frames().find((frame) => frame.url().includes('/session/')),
      ),
    close: async () => {
      hostReceived.push(JSON.stringify(await events().catch(() => [])));
      const missing = tracked.consoleMessages.filter((line) =>
        line.includes('missing translation'),
      );
      const blocked = tracked.consoleMessages.filter((line) =>
        line.includes('Content Security Policy'),
      );
      await tracked.close();
      expect(missing, 'i18n missing-key warnings').toEqual([]);
      expect(blocked, 'CSP violations in the widget').toEqual([]);
      expect(tracked.pageErrors, 'uncaught errors').toEqual([]);
    },
  };
  return hostPage;
}

async function recordReady(hostPage: HostPage): Promise<void> {
  const ms = await waitUntil('mount() to resolve', () =>
    hostPage.page.evaluate(
      () => (window as unknown as { __mountToReadyMs?: number }).__mountToReadyMs,
    ),
  );
  mountToReadyMs.push(ms);
}

async function fillAddress(widget: FrameLocator, overrides: Record<string, string> = {}) {
  const value = (name: string) => overrides[name] ?? RECIPIENT[name]!;
  await widget.getByLabel('Address line 1', { exact: true }).fill(value('address_line1'));
  await widget.getByLabel('City', { exact: true }).fill(value('city'));
  await widget.getByLabel('State', { exact: true }).selectOption(value('state'));
  await widget.getByLabel('ZIP code', { exact: true }).fill(value('zip_code'));
}

/** Types a card the way a recipient does, name and address from the session unless overridden. */
async function enterCard(
  widget: FrameLocator,
  number: string,
  overrides: Record<string, string> = {},
) {
  await widget
    .getByLabel('First name', { exact: true })
    .fill(overrides.first_name ?? RECIPIENT.first_name!);
  await widget
    .getByLabel('Last name', { exact: true })
    .fill(overrides.last_name ?? RECIPIENT.last_name!);
  await widget.getByLabel('Card number', { exact: true }).pressSequentially(number);
  await widget.getByLabel('Expiration date (MM/YY)', { exact: true }).pressSequentially('1230');
  await fillAddress(widget, overrides);
  await widget.getByRole('button', { name: 'Continue', exact: true }).click();
}

async function enterBankAccount(widget: FrameLocator, account: string) {
  await widget.getByLabel('First name', { exact: true }).fill(RECIPIENT.first_name!);
  await widget.getByLabel('Last name', { exact: true }).fill(RECIPIENT.last_name!);
  await widget.getByLabel('Routing number', { exact: true }).fill('011000015');
  await widget.getByText('Bank: Federal Reserve Bank of Boston').waitFor();
  await widget.getByLabel('Account number', { exact: true }).fill(account);
  await widget.getByLabel('Confirm account number', { exact: true }).fill(account);
  await widget.getByLabel('Checking', { exact: true }).check();
  await fillAddress(widget);
  await widget.getByRole('button', { name: 'Continue', exact: true }).click();
}

/** Runs axe-core inside the widget frame; CDP evaluation is not subject to the page's CSP. */
async function expectNoAxeViolations(frame: Frame, where: string) {
  const source = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await frame.evaluate(`${source}\n;undefined`);
  const violations = (await frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  })) as string[];
  expect(violations, `axe on ${where}`).toEqual([]);
}

async function opsSession(
  sessionIdentifier: string,
): Promise<{ state: string; attempts: { session_used: number } }> {
  const response = await client.send<{
    data: { state: string; attempts: { session_used: number } };
  }>('GET', `/api/v1/sessions/${sessionIdentifier}`);
  opsResponses.push(JSON.stringify(response.body));
  return response.body.data;
}

describe('widget flow in a real browser', () => {
  it('debit happy path: TOKEN_SUCCESS with a token, and the session completed in the ops API', async () => {
    const hostPage = await openHost();
    const ready = await hostPage.waitForEvent('tokenframe.ready');
    expect(ready.funding_destination).toBe('debit');
    await expectNoAxeViolations(await hostPage.frame(), 'account entry (debit)');
    await enterCard(hostPage.widget, '4000056655665556');
    await hostPage.widget.getByRole('heading', { name: 'Confirm your payout details' }).waitFor();
    await expectNoAxeViolations(await hostPage.frame(), 'confirmation');
    await hostPage.widget.getByRole('button', { name: 'Confirm', exact: true }).click();
    const success = await hostPage.waitForEvent('tokenframe.token_success');
    expect(success.customer_account_token).toMatch(/^cat_/);
    expect(success.account).toMatchObject({ last4: '5556', display: '•••• 5556' });
    await hostPage.widget
      .getByRole('heading', { name: 'Your payout method has been added' })
      .waitFor();
    await expectNoAxeViolations(await hostPage.frame(), 'success');
    expect((await opsSession(String(ready.session_identifier))).state).toBe('completed');
    await hostPage.close();
  });

  it('dark theme: the widget follows theme_variant, passes axe, and the frame height follows the content', async () => {
    const hostPage = await openHost({ theme: 'dark', destination: 'ach' });
    await hostPage.waitForEvent('tokenframe.ready');
    const frame = await hostPage.frame();
    expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // The dark palette is a stylesheet of its own, which the session's document links.
    expect(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(21, 24, 28)',
    );
    await expectNoAxeViolations(frame, 'account entry (ach, dark)');
    const heights = async () => ({
      iframe: await hostPage.page.$eval(
        '#capture iframe',
        (element) => (element as HTMLIFrameElement).clientHeight,
      ),
      content: await frame.evaluate(() => document.documentElement.scrollHeight),
    });
    // The frame may be at most 1 px taller than the content, never shorter: a document one
    // pixel taller than its frame shows a full-length scrollbar (PRODUCT.md §3).
    const settled = await waitUntil('iframe height to match the content', async () => {
      const now = await heights();
      return now.content <= now.iframe && now.iframe - now.content <= 1 ? now : undefined;
    });
    expect(settled.iframe).toBeGreaterThan(400);
    await hostPage.close();
  });

  it('a credit card on debit gets an inline error and counts no attempt', async () => {
    const hostPage = await openHost();
    const ready = await hostPage.waitForEvent('tokenframe.ready');
    await enterCard(hostPage.widget, '4111111111111111');
    await hostPage.widget.getByText('This is a credit card. Enter a debit card instead.').waitFor();
    const session = await opsSession(String(ready.session_identifier));
    expect(session.attempts.session_used).toBe(0);
    expect((await hostPage.events()).map((event) => event.event_name)).not.toContain(
      'tokenframe.account_could_not_be_verified',
    );
    await hostPage.close();
  });

  it('a Luhn-invalid number is stopped in the browser: nothing is sent', async () => {
    const hostPage = await openHost();
    await hostPage.waitForEvent('tokenframe.ready');
    const submissions: string[] = [];
    hostPage.page.on('request', (request) => {
      if (request.url().includes('/api/widget/v1/account')) submissions.push(request.url());
    });
    await enterCard(hostPage.widget, '4000056655665557');
    await hostPage.widget
      .getByText('This card number is not valid. Check it and try again.')
      .waitFor();
    const input = hostPage.widget.getByLabel('Card number', { exact: true });
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(submissions).toEqual([]);
    await hostPage.close();
  });

  it('three hard RVDM mismatches → TERMINAL_FAILURE → Continue → same session, new URL → success', async () => {
    const hostPage = await openHost();
    const ready = await hostPage.waitForEvent('tokenframe.ready');
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      if (attempt > 1) {
        await hostPage.widget.getByText(`You have ${4 - attempt} attempt`).waitFor();
        await hostPage.widget.getByRole('button', { name: 'Continue', exact: true }).click();
      } else {
        await enterCard(hostPage.widget, '4000056655665556', { last_name: 'Mismatch' });
      }
      await hostPage.waitForEvent('tokenframe.account_could_not_be_verified', attempt);
    }
    const terminal = await hostPage.waitForEvent('tokenframe.terminal_failure');
    expect(terminal.feature).toBe('recipient_verification');
    await hostPage.widget
      .getByRole('heading', { name: 'We could not verify your details' })
      .waitFor();
    await expectNoAxeViolations(await hostPage.frame(), 'terminal failure');
    await hostPage.widget.getByRole('button', { name: 'Continue', exact: true }).click();
    await hostPage.waitForEvent('tokenframe.terminal_failure_acknowledged');
    const secondReady = await hostPage.waitForEvent('tokenframe.ready', 2);
    expect(secondReady.session_identifier).toBe(ready.session_identifier);
    // Focus was in the widget when Continue was pressed: the remounted frame keeps it.
    expect(await hostPage.page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    const answers = creates.get(hostPage.key) ?? [];
    expect(answers.map((answer) => answer.status)).toEqual([100, 101]);
    expect(answers[1]!.authorized_url).not.toBe(answers[0]!.authorized_url);
    await enterCard(hostPage.widget, '5200828282828210');
    await hostPage.widget.getByRole('button', { name: 'Confirm', exact: true }).click();
    const success = await hostPage.waitForEvent('tokenframe.token_success');
    expect(success.account).toMatchObject({ last4: '8210', brand: 'mastercard' });
    await hostPage.close();
  });

  it('five failures overall → MAX_VERIFICATION_ATTEMPTS_EXCEEDED, and the next re-request gets 13724', async () => {
    const hostPage = await openHost();
    await hostPage.waitForEvent('tokenframe.ready');
    const retry = () =>
      hostPage.widget.getByRole('button', { name: 'Continue', exact: true }).click();
    // Mount 1: three account-verification failures (code 700); the third is terminal.
    await enterCard(hostPage.widget, '4000000000000002');
    await hostPage.waitForEvent('tokenframe.account_could_not_be_verified', 1);
    await retry();
    await hostPage.waitForEvent('tokenframe.account_could_not_be_verified', 2);
    await retry();
    await hostPage.waitForEvent('tokenframe.terminal_failure');
    await retry();
    // Mount 2 (same session): the fourth fails, the fifth reaches the session limit.
    await hostPage.waitForEvent('tokenframe.ready', 2);
    await enterCard(hostPage.widget, '4000000000000002');
    await hostPage.waitForEvent('tokenframe.account_could_not_be_verified', 4);
    await retry();
    const max = await hostPage.waitForEvent('tokenframe.max_verification_attempts_exceeded');
    await hostPage.widget.getByRole('heading', { name: 'Too many attempts' }).waitFor();
    await expectNoAxeViolations(await hostPage.frame(), 'max attempts exceeded');
    const again = await client.createSession<{ status: number }>(
      sampleSessionRequest({ host_uri: host.origin, participant_unique_id1: `p-${hostPage.key}` }),
      hostPage.key,
    );
    expect(again.body.status).toBe(13724);
    expect((await opsSession(String(max.session_identifier))).state).toBe('max_attempts_exceeded');
    await hostPage.close();
  });

  it('a used URL loaded again → SESSION_ERROR url_used', async () => {
    const first = await openHost();
    await first.waitForEvent('tokenframe.ready');
    const used = creates.get(first.key)![0]!.authorized_url!;
    await first.close();
    const second = await openHost({ url: used, refetch: false });
    const error = await second.waitForEvent('tokenframe.session_error');
    expect(error.error).toBe('url_used');
    await second.close();
    // Without fetchAuthorizedUrl the SDK removes the frame after a session error, so look at
    // the page itself top-level (standalone mode), where it stays.
    const standalone = await openPage(browser);
    try {
      await standalone.page.goto(used);
      await standalone.page.getByRole('heading', { name: 'This link was already used' }).waitFor();
      expect(new URL(standalone.page.url()).search).toBe('');
      await expectNoAxeViolations(standalone.page.mainFrame(), 'session error');
    } finally {
      await standalone.close();
    }
  });

  it('ACH happy path: routing 011000015, account 000123456789 → TOKEN_SUCCESS with the bank name', async () => {
    const hostPage = await openHost({ destination: 'ach' });
    await hostPage.waitForEvent('tokenframe.ready');
    await expectNoAxeViolations(await hostPage.frame(), 'account entry (ach)');
    await enterBankAccount(hostPage.widget, '000123456789');
    await hostPage.widget.getByRole('heading', { name: 'Confirm your payout details' }).waitFor();
    await hostPage.widget.getByRole('button', { name: 'Confirm', exact: true }).click();
    const success = await hostPage.waitForEvent('tokenframe.token_success');
    expect(success.funding_destination).toBe('ach');
    expect(success.account).toMatchObject({
      last4: '6789',
      bank_name: 'Federal Reserve Bank of Boston',
    });
    await hostPage.close();
  });

  it('ACH 777: account 000111111113 fails name/address verification as a counted attempt', async () => {
    const hostPage = await openHost({ destination: 'ach' });
    const ready = await hostPage.waitForEvent('tokenframe.ready');
    await enterBankAccount(hostPage.widget, '000111111113');
    const failure = await hostPage.waitForEvent('tokenframe.account_could_not_be_verified');
    expect(failure).toMatchObject({
      code: '777',
      feature: 'account_verification',
      funding_destination: 'ach',
    });
    await hostPage.widget
      .getByText('The bank could not verify the name or address for this account.', {
        exact: false,
      })
      .waitFor();
    expect((await opsSession(String(ready.session_identifier))).attempts.session_used).toBe(1);
    await hostPage.close();
  });

  it('cancel → FUNDING_CANCELED and the canceled page passes axe', async () => {
    const hostPage = await openHost();
    const ready = await hostPage.waitForEvent('tokenframe.ready');
    await hostPage.widget.getByRole('button', { name: 'Cancel', exact: true }).click();
    // Cancel asks first (PRODUCT.md §2); only Leave ends the session.
    await hostPage.widget.getByRole('button', { name: 'Leave', exact: true }).click();
    await hostPage.waitForEvent('tokenframe.funding_canceled');
    await hostPage.widget.getByRole('heading', { name: 'You canceled this request' }).waitFor();
    await expectNoAxeViolations(await hostPage.frame(), 'canceled');
    expect((await opsSession(String(ready.session_identifier))).state).toBe('canceled');
    await hostPage.close();
  });

  it('the loading page passes axe (exchange held back while it runs)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const hostPage = await openHost({
      before: (page) =>
        page.route('**/api/widget/v1/exchange', async (route) => {
          await held;
          await route.continue();
        }),
    });
    await hostPage.widget.getByRole('heading', { name: 'Loading' }).waitFor();
    await expectNoAxeViolations(await hostPage.frame(), 'loading');
    release();
    await hostPage.waitForEvent('tokenframe.ready');
    await hostPage.close();
  });

  it('use a different method: debit → bank account, then tokenized as ACH', async () => {
    const hostPage = await openHost();
    await hostPage.waitForEvent('tokenframe.ready');
    const { widget } = hostPage;
    await widget.getByRole('button', { name: 'Use a different method' }).click();
    await widget.getByLabel('Bank account', { exact: true }).check();
    await expectNoAxeViolations(await hostPage.frame(), 'destination picker');
    await widget.getByRole('button', { name: 'Continue', exact: true }).click();
    await widget.getByRole('heading', { name: 'Add your bank account' }).waitFor();
    await enterBankAccount(widget, '000123456789');
    await widget.getByRole('button', { name: 'Confirm', exact: true }).click();
    const success = await hostPage.waitForEvent('tokenframe.token_success');
    expect(success.funding_destination).toBe('ach');
    await hostPage.close();
  });

  it('PayPal by mobile number and BillPay by biller search both reach TOKEN_SUCCESS', async () => {
    const paypal = await openHost({ destination: 'paypal' });
    await paypal.waitForEvent('tokenframe.ready');
    await paypal.widget.getByLabel('PayPal mobile number').fill('4045550123');
    await expectNoAxeViolations(await paypal.frame(), 'account entry (paypal)');
    await paypal.widget.getByRole('button', { name: 'Continue', exact: true }).click();
    await paypal.widget.getByRole('button', { name: 'Confirm', exact: true }).click();
    expect((await paypal.waitForEvent('tokenframe.token_success')).funding_destination).toBe(
      'paypal',
    );
    await paypal.close();

    const billpay = await openHost({ destination: 'billpay' });
    await billpay.waitForEvent('tokenframe.ready');
    await billpay.widget.getByLabel('Search for your biller').fill('veri');
    await billpay.widget.getByLabel('Verizon Wireless').check();
    await billpay.widget.getByLabel('Account number at the biller').fill('7305918264');
    await expectNoAxeViolations(await billpay.frame(), 'account entry (billpay)');
    await billpay.widget.getByRole('button', { name: 'Continue', exact: true }).click();
    await billpay.widget.getByRole('button', { name: 'Confirm', exact: true }).click();
    expect((await billpay.waitForEvent('tokenframe.token_success')).funding_destination).toBe(
      'billpay',
    );
    await billpay.close();
  });

  it('the widget framed by an origin other than the session host is blocked by CSP', async () => {
    const response = await client.createSession<{ data: { authorized_url: string } }>(
      sampleSessionRequest({ host_uri: host.origin, participant_unique_id1: 'p-framing' }),
    );
    const url = response.body.data.authorized_url;
    const intruder = await startStaticServer({
      hostname: 'localhost',
      routes: {
        '/': () => ({ body: `<!doctype html><title>x</title><iframe src="${url}"></iframe>` }),
      },
    });
    const tracked = await openPage(browser);
    try {
      await tracked.page.goto(intruder.url('/'));
      await tracked.page.waitForTimeout(1500);
      const framed = tracked.page.frames().find((frame) => frame.url().includes('/session/'));
      const rendered = framed
        ? await framed.evaluate(() => document.querySelector('#app') !== null).catch(() => false)
        : false;
      expect(rendered).toBe(false);
    } finally {
      await tracked.close();
      await intruder.close();
    }
  });

  it('no test card or account number reaches the host page, the service log, webhooks or the ops API', async () => {
    // Webhooks are delivered from an outbox: give the last ones a moment to arrive.
    await waitUntil('webhook deliveries', () => webhookBodies.length > 0, 15_000);
    const corpora: [string, string][] = [
      ['host page events', hostReceived.join('\n')],
      ['service log output', service.logs()],
      ['webhook bodies', webhookBodies.join('\n')],
      ['ops API responses', opsResponses.join('\n')],
    ];
    for (const [where, text] of corpora) {
      const compact = text.replace(/[\s-]/g, '');
      for (const number of TEST_NUMBERS)
        expect(compact.includes(number), `${number} in ${where}`).toBe(false);
    }
    expect(hostReceived.join('').length).toBeGreaterThan(0);
  });
});
