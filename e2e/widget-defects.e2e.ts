import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnService, type SpawnedService } from '../server/testing/spawnService';
import { SignedClient, sampleSessionRequest } from '../server/testing/signedClient';
import { launchBrowser, openPage, waitUntil, type TrackedPage } from './harness/browser';
import { startStaticServer, type StaticServer } from './harness/staticServer';
import { merchantPageRoutes, requireWidgetBuild } from './harness/merchantPage';
import { axeViolations } from './i18n/axe';

/**
 * What a recipient met in real Chromium before the widget's consumer polish (PRODUCT.md §2,
 * §3, §5): invisible failures, a one-tap final Cancel, an unreadable merchant primary colour,
 * a stale error summary, and a webview reload that killed the mount. The service runs as a
 * process; the merchant page is on another origin and embeds the built SDK by script tag.
 */

const RECIPIENT = sampleSessionRequest().recipient_information as Record<string, string>;
const API = '**/api/widget/v1';

let browser: Browser;
let service: SpawnedService;
let host: StaticServer;
let client: SignedClient;
let keyCounter = 0;

/** Mounts debit with the appearance JSON from `?appearance=` and records every SDK event. */
const HOST_SCRIPT = `
(async () => {
  const query = new URLSearchParams(location.search);
  window.__events = [];
  const create = async () =>
    (await fetch('/create-session?key=' + query.get('key'), { method: 'POST' })).json();
  const appearance = query.get('appearance') ? JSON.parse(query.get('appearance')) : undefined;
  const plugin = Tokenframe.create('#capture', { fetchAuthorizedUrl: create, appearance });
  for (const name of Object.keys(Tokenframe.EVENTS)) plugin.on(name, (e) => window.__events.push(e));
  await plugin.mount((await create()).authorized_url, 'debit');
})();`;

beforeAll(async () => {
  requireWidgetBuild();
  host = await startStaticServer({
    hostname: '127.0.0.1',
    routes: {
      ...merchantPageRoutes(HOST_SCRIPT),
      '/app-error.html': () => ({
        body: '<!doctype html><title>App</title><h1>Back in the app</h1>',
      }),
      '/create-session': async (request) => {
        const key = request.url.searchParams.get('key') ?? 'none';
        const response = await createSession(key);
        return { type: 'application/json', body: JSON.stringify(response) };
      },
    },
  });
  service = await spawnService({
    timeoutMs: 90_000,
    env: {
      TOKENFRAME_EXTRA_HOSTS: host.origin,
      LOG_LEVEL: 'warn',
      // Set to run these tests against another widget build (e.g. one from before the fixes).
      ...(process.env.TOKENFRAME_DIST_DIR
        ? { TOKENFRAME_DIST_DIR: process.env.TOKENFRAME_DIST_DIR }
        : {}),
    },
  });
  client = new SignedClient({ baseUrl: service.url, username: 'demo', secret: 'demo-secret' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await service?.kill();
  await host?.close();
});

async function createSession(key: string) {
  const response = await client.createSession<{
    data: { session_identifier: string; authorized_url: string };
  }>(
    sampleSessionRequest({
      host_uri: host.origin,
      participant_unique_id1: `p-${key}`,
      error_redirect_url: host.url('/app-error.html'),
    }),
    key,
  );
  return response.body.data;
}

async function sessionState(sessionIdentifier: string): Promise<string> {
  const response = await client.send<{ data: { state: string } }>(
    'GET',
    `/api/v1/sessions/${sessionIdentifier}`,
  );
  return response.body.data.state;
}

type HostEvent = Record<string, unknown> & { event_name: string };

interface Merchant extends TrackedPage {
  widget: FrameLocator;
  events(): Promise<HostEvent[]>;
  waitForEvent(eventName: string): Promise<HostEvent>;
}

/** The merchant page with the widget mounted for debit, after READY. */
async function openMerchant(
  options: { appearance?: unknown; before?: (page: TrackedPage['page']) => Promise<unknown> } = {},
): Promise<Merchant> {
  const tracked = await openPage(browser);
  const query = new URLSearchParams({ key: `widget-defects-${Date.now()}-${(keyCounter += 1)}` });
  if (options.appearance) query.set('appearance', JSON.stringify(options.appearance));
  await options.before?.(tracked.page);
  await tracked.page.goto(host.url(`/host.html?${query}`));
  const events = async () =>
    (await tracked.page.evaluate(
      () => (window as unknown as { __events: HostEvent[] }).__events,
    )) ?? [];
  const merchant: Merchant = {
    ...tracked,
    widget: tracked.page.frameLocator('#capture iframe'),
    events,
    waitForEvent: (eventName) =>
      waitUntil(
        eventName,
        async () => (await events()).find((event) => event.event_name === eventName),
        30_000,
      ),
  };
  await merchant.waitForEvent('tokenframe.ready');
  return merchant;
}

async function typeCard(widget: FrameLocator | TrackedPage['page'], number = '4000056655665556') {
  await widget.getByLabel('First name', { exact: true }).fill(RECIPIENT.first_name!);
  await widget.getByLabel('Last name', { exact: true }).fill(RECIPIENT.last_name!);
  await widget.getByLabel('Card number', { exact: true }).pressSequentially(number);
  await widget.getByLabel('Expiration date (MM/YY)', { exact: true }).pressSequentially('1230');
  await widget.getByLabel('Address line 1', { exact: true }).fill(RECIPIENT.address_line1!);
  await widget.getByLabel('City', { exact: true }).fill(RECIPIENT.city!);
  await widget.getByLabel('State', { exact: true }).selectOption(RECIPIENT.state!);
  await widget.getByLabel('ZIP code', { exact: true }).fill(RECIPIENT.zip_code!);
}

/** True when the element's whole box is inside the top-level page's viewport. */
async function insideViewport(page: TrackedPage['page'], box: { y: number; height: number }) {
  const height = page.viewportSize()?.height ?? 0;
  return box.y >= 0 && box.y + box.height <= height;
}

describe('widget defects seen in real Chromium', () => {
  it('a failed /account call shows a visible message with a retry inside the viewport, keeps what was typed, and the retry goes through', async () => {
    let aborts = 1;
    const merchant = await openMerchant({
      before: (page) =>
        page.route(`${API}/account`, (route) =>
          aborts-- > 0 ? route.abort('failed') : route.continue(),
        ),
    });
    try {
      const { widget } = merchant;
      await typeCard(widget);
      await widget.getByRole('button', { name: 'Continue', exact: true }).click();
      const message = widget
        .getByRole('alert')
        .filter({ hasText: 'We could not reach the server' });
      await message.waitFor();
      const box = await message.boundingBox();
      expect(box, 'the error has a box on screen').not.toBeNull();
      expect(await insideViewport(merchant.page, box!), 'the error is inside the viewport').toBe(
        true,
      );
      expect(await widget.getByLabel('Card number', { exact: true }).inputValue()).toBe(
        '4000 0566 5566 5556',
      );
      expect(await axeViolations(await widgetFrame(merchant)), 'axe with the error shown').toEqual(
        [],
      );
      await widget.getByRole('button', { name: 'Try again', exact: true }).click();
      await widget.getByRole('heading', { name: 'Confirm your payout details' }).waitFor();
    } finally {
      await merchant.close();
    }
  });

  it('a rate-limited Confirm shows its message next to Confirm, and the retry completes', async () => {
    let limited = 1;
    const merchant = await openMerchant({
      before: (page) =>
        page.route(`${API}/confirm`, (route) =>
          limited-- > 0
            ? route.fulfill({
                status: 429,
                contentType: 'application/json',
                body: JSON.stringify({ error: 'rate_limited' }),
              })
            : route.continue(),
        ),
    });
    try {
      const { widget } = merchant;
      await typeCard(widget);
      await widget.getByRole('button', { name: 'Continue', exact: true }).click();
      await widget.getByRole('button', { name: 'Confirm', exact: true }).click();
      await widget.getByRole('alert').filter({ hasText: 'Too many requests' }).waitFor();
      await widget.getByRole('button', { name: 'Try again', exact: true }).click();
      await merchant.waitForEvent('tokenframe.token_success');
    } finally {
      await merchant.close();
    }
  });

  it('a first Cancel press emits nothing and leaves the session active; Keep going is the default; Leave cancels', async () => {
    const merchant = await openMerchant();
    try {
      const { widget } = merchant;
      const ready = await merchant.waitForEvent('tokenframe.ready');
      await widget.getByRole('button', { name: 'Cancel', exact: true }).click();
      await widget.getByRole('group', { name: 'Leave without adding an account?' }).waitFor();
      const focused = await widget
        .getByRole('button', { name: 'Keep going', exact: true })
        .evaluate((button) => button === document.activeElement);
      expect(focused, 'Keep going has focus').toBe(true);
      expect(await axeViolations(await widgetFrame(merchant)), 'axe on the leave step').toEqual([]);
      const names = (await merchant.events()).map((event) => event.event_name);
      expect(names).not.toContain('tokenframe.funding_canceled');
      expect(await sessionState(String(ready.session_identifier))).toBe('active');
      await widget.getByRole('button', { name: 'Keep going', exact: true }).click();
      await widget.getByRole('button', { name: 'Cancel', exact: true }).click();
      await widget.getByRole('button', { name: 'Leave', exact: true }).click();
      await merchant.waitForEvent('tokenframe.funding_canceled');
      expect(await sessionState(String(ready.session_identifier))).toBe('canceled');
    } finally {
      await merchant.close();
    }
  });

  it('a yellow primary colour gets text of at least 4.5:1 on the primary button', async () => {
    const merchant = await openMerchant({ appearance: { variables: { colorPrimary: '#ffd400' } } });
    try {
      const colours = await primaryButtonStyle(merchant);
      expect(colours.background).toBe('rgb(255, 212, 0)');
      expect(contrast(colours.text, colours.background)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await merchant.close();
    }
  });

  it('one rejected appearance value is dropped alone and named in a console warning; the rest applies', async () => {
    const merchant = await openMerchant({
      appearance: {
        variables: { colorPrimary: '#ffd400', fontFamily: 'Georgia', borderRadius: 'url(x)' },
      },
    });
    try {
      const colours = await primaryButtonStyle(merchant);
      expect(colours.background).toBe('rgb(255, 212, 0)');
      expect(colours.font, 'the valid fontFamily still applies').toContain('Georgia');
      await waitUntil('a warning naming borderRadius', () =>
        merchant.consoleMessages.some(
          (line) => line.startsWith('warning') && line.includes('borderRadius'),
        ),
      );
    } finally {
      await merchant.close();
    }
  });

  it('the error summary counts the current errors and is gone once every field is valid', async () => {
    const merchant = await openMerchant();
    try {
      const { widget } = merchant;
      await widget.getByRole('button', { name: 'Continue', exact: true }).click();
      await widget.getByText('There are 8 problems with the form.', { exact: false }).waitFor();
      await widget.getByLabel('First name', { exact: true }).fill(RECIPIENT.first_name!);
      await widget.getByText('There are 7 problems with the form.', { exact: false }).waitFor();
      await typeCard(widget);
      await waitUntil(
        'the summary to disappear',
        async () => (await widget.locator('.error-summary').count()) === 0,
      );
    } finally {
      await merchant.close();
    }
  });

  it('standalone: a reload resumes the same mount, and once it has ended a reload says the link was used and hands back to the app', async () => {
    const { authorized_url: url, session_identifier: id } = await createSession(
      `widget-defects-standalone-${Date.now()}`,
    );
    const webview = await openPage(browser);
    const { page } = webview;
    try {
      const exchanges: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/widget/v1/exchange')) exchanges.push(request.url());
      });
      await page.goto(url);
      await page.getByRole('heading', { name: 'Add your debit card' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Add your debit card' }).waitFor();
      expect(await page.getByText('This link is not valid').count()).toBe(0);
      expect(exchanges).toHaveLength(1);
      // The resumed mount is the same one: its token still works all the way to a token.
      await typeCard(page);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.getByRole('heading', { name: 'Confirm your payout details' }).waitFor();
      await page.getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.getByRole('button', { name: 'Leave', exact: true }).click();
      await page.waitForURL(/app-error\.html.*funding_canceled/);
      expect(await sessionState(id)).toBe('canceled');
      // Back into the ended mount: it cannot resume; say so and hand back to the app again.
      await page.goBack();
      await page.waitForURL(/app-error\.html.*event_name=tokenframe\.session_error/);
    } finally {
      await webview.close();
    }
  });
});

function widgetFrame(merchant: Merchant) {
  return waitUntil('the widget frame', () =>
    merchant.page.frames().find((frame) => frame.url().includes('/session/')),
  );
}

async function primaryButtonStyle(merchant: Merchant) {
  const button = merchant.widget.getByRole('button', { name: 'Continue', exact: true });
  return button.evaluate((element) => {
    const style = getComputedStyle(element);
    return { text: style.color, background: style.backgroundColor, font: style.fontFamily };
  });
}

/** WCAG contrast of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
