import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../server/config';
import { spawnService, type SpawnedService } from '../server/testing/spawnService';
import {
  SignedClient,
  sampleSessionRequest,
  type CreateSessionEnvelope,
} from '../server/testing/signedClient';
import { launchBrowser, openPage, waitUntil, type TrackedPage } from './harness/browser';
import { startStaticServer, type RouteHandler, type StaticServer } from './harness/staticServer';
import { ENVELOPE } from '../protocol';
import { LOAD_TO_HELLO_GRACE_MS } from '../protocol/widgetHello';
import { requireWidgetBuild } from './harness/merchantPage';

/**
 * The widget document's `frame-ancestors`, in real Chromium: a merchant page on the session's
 * host_uri may frame the widget; a page on any other origin is refused by the browser before
 * the widget runs, and the host SDK there reports `load_failed`, not a slow widget
 * (PRODUCT.md §3). Needs the widget and SDK builds (`npm run build`).
 */

let service: SpawnedService;
let allowedHost: StaticServer;
let otherHost: StaticServer;
let browser: Browser;
let client: SignedClient;
const pages: TrackedPage[] = [];

/** A merchant page that frames `?src=` (escaped) and nothing else. */
const hostPage = (request: { url: URL }) => {
  const src = (request.url.searchParams.get('src') ?? '').replace(
    /[&"<>]/g,
    (c) => `&#${c.charCodeAt(0)};`,
  );
  return {
    body: `<!doctype html><title>merchant</title><iframe id="widget" title="Widget" src="${src}"></iframe>`,
  };
};

/**
 * A merchant page that mounts the built SDK, with a fetchAuthorizedUrl whose sessions name the
 * allowed host, and records every SDK event and the outcome in `window.__sdk`.
 */
const SDK_PAGE = `<!doctype html><title>merchant</title><script src="/tokenframe.js"></script>
<div id="capture"></div><script>
window.__sdk = { events: [], outcome: null, loadedAt: null };
document.addEventListener('load', (e) => { if (e.target.tagName === 'IFRAME') window.__sdk.loadedAt = performance.now(); }, true);
const fetchAuthorizedUrl = async () => (await fetch('/create-session', { method: 'POST' })).json();
const plugin = Tokenframe.create('#capture', { fetchAuthorizedUrl, handshakeTimeoutMs: 30000, maxReauthorizations: 2 });
for (const key of Object.keys(Tokenframe.EVENTS)) plugin.on(key, (e) => window.__sdk.events.push([e.event_name, e.reason || e.code || null]));
plugin.mount('debit').then(() => (window.__sdk.outcome = 'ready'), (e) => (window.__sdk.outcome = e.code + ': ' + e.message));
</script>`;

const sdkRoutes: Record<string, RouteHandler> = {
  '/sdk.html': () => ({ body: SDK_PAGE }),
  '/tokenframe.js': () => ({
    type: 'text/javascript',
    body: readFileSync(join(REPO_ROOT, 'dist/sdk/tokenframe.js')),
  }),
  '/create-session': async () => ({
    type: 'application/json',
    body: JSON.stringify({ authorized_url: await authorizedUrl() }),
  }),
};

beforeAll(async () => {
  requireWidgetBuild();
  allowedHost = await startStaticServer({ routes: { '/host.html': hostPage, ...sdkRoutes } });
  otherHost = await startStaticServer({ routes: { '/host.html': hostPage, ...sdkRoutes } });
  service = await spawnService({ env: { TOKENFRAME_EXTRA_HOSTS: allowedHost.origin } });
  client = new SignedClient({ baseUrl: service.url, username: 'demo', secret: 'demo-secret' });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const page of pages) await page.close();
  await browser?.close();
  await service?.kill();
  await allowedHost?.close();
  await otherHost?.close();
});

/** A fresh authorized_url for a session whose host_uri is the allowed host. */
async function authorizedUrl(): Promise<string> {
  const response = await client.createSession<CreateSessionEnvelope>(
    sampleSessionRequest({ host_uri: allowedHost.origin }),
  );
  expect(response.httpStatus).toBe(200);
  return response.body.data.authorized_url;
}

/** Opens the host page framing `src` and returns it with the widget's frame once it exists. */
async function frameFrom(
  host: StaticServer,
  src: string,
): Promise<{ tracked: TrackedPage; frame: Frame }> {
  const tracked = await openPage(browser);
  pages.push(tracked);
  await tracked.page.goto(host.url(`/host.html?src=${encodeURIComponent(src)}`));
  const frame = await waitUntil('the widget iframe', () =>
    tracked.page.frames().find((f) => f !== tracked.page.mainFrame()),
  );
  return { tracked, frame };
}

const cspMessages = (tracked: TrackedPage) =>
  tracked.consoleMessages.filter((m) => /Content Security Policy/i.test(m));

describe('widget document framing', () => {
  it('is refused by the browser when the framing page is not on the session host origin', async () => {
    const src = await authorizedUrl();
    const { tracked, frame } = await frameFrom(otherHost, src);
    const violation = await waitUntil('a frame-ancestors violation', () =>
      cspMessages(tracked).find((m) => m.includes('frame-ancestors')),
    );
    expect(violation).toContain(allowedHost.origin);
    // Chromium replaces a refused frame with its own error page: nothing of ours runs in it.
    expect(frame.url().startsWith(service.url)).toBe(false);
    expect(await frame.locator('meta[name="tokenframe-host-origin"]').count()).toBe(0);
    expect(await frame.locator('#app').count()).toBe(0);
  });

  it('renders the widget when the framing page is on the session host origin, with no CSP violation', async () => {
    const src = await authorizedUrl();
    const { tracked, frame } = await frameFrom(allowedHost, src);
    await waitUntil(
      'the widget to render',
      async () => (await frame.locator('#app > *').count()) > 0,
      30_000,
    );
    expect(frame.url().startsWith(`${service.url}/session/`)).toBe(true);
    expect(await frame.locator('meta[name="tokenframe-host-origin"]').getAttribute('content')).toBe(
      allowedHost.origin,
    );
    expect(cspMessages(tracked)).toEqual([]);
  });
  it('is refused everywhere for an unknown session (frame-ancestors none), even on an allowed host', async () => {
    const { tracked, frame } = await frameFrom(
      allowedHost,
      `${service.url}/session/no-such-session?t=1&h=x`,
    );
    await waitUntil('a frame-ancestors violation', () =>
      cspMessages(tracked).find((m) => m.includes('frame-ancestors')),
    );
    expect(await frame.locator('#app').count()).toBe(0);
  });
});

describe('the widget’s debug mode: the host SDK’s `debug: true` (PRODUCT.md §4)', () => {
  it('logs a host_connect it cannot accept in its own console once one asks for debug', async () => {
    const { tracked, frame } = await frameFrom(allowedHost, await authorizedUrl());
    await waitUntil(
      'the widget to render',
      async () => (await frame.locator('#app > *').count()) > 0,
      30_000,
    );
    const widgetLog = () =>
      tracked.consoleMessages.filter((m) => m.includes('[tokenframe widget]'));
    // From the session's host page, in a protocol version this widget does not speak: what a
    // merchant with an outdated SDK package would send. The first does not ask for debug.
    for (const debug of [false, true])
      await tracked.page.evaluate(
        ([message, widgetOrigin]) =>
          document
            .querySelector<HTMLIFrameElement>('#widget')!
            .contentWindow!.postMessage(message, widgetOrigin),
        [
          {
            ...ENVELOPE,
            version: ENVELOPE.version + 1,
            type: 'host_connect',
            funding_destination: 'debit',
            debug,
          },
          service.url,
        ] as const,
      );
    await waitUntil(
      'the widget to log the message that asked for debug',
      () => widgetLog().length > 0,
      30_000,
    );
    expect(widgetLog()).toHaveLength(1);
    expect(widgetLog()[0]).toMatch(
      /^debug: \[tokenframe widget\] ignored message from host window/,
    );
  });
});

/** Opens `/sdk.html` on `host` and waits until the SDK's mount has settled. */
async function mountWithSdk(
  host: StaticServer,
  prepare?: (tracked: TrackedPage) => Promise<void>,
): Promise<{ outcome: string; events: Array<[string, string | null]> }> {
  const tracked = await openPage(browser);
  pages.push(tracked);
  await prepare?.(tracked);
  await tracked.page.goto(host.url('/sdk.html'));
  await tracked.page.waitForFunction(() => window.__sdk.outcome !== null, undefined, {
    timeout: 90_000,
  });
  // Held requests still waiting (chunks fetched after READY) must not outlive the page.
  await tracked.page.unrouteAll({ behavior: 'ignoreErrors' });
  return tracked.page.evaluate(() => ({
    outcome: window.__sdk.outcome!,
    events: window.__sdk.events,
  }));
}

describe('the host SDK and the real widget: a blocked frame is load_failed (PRODUCT.md §3)', () => {
  it('on a page the session does not name, the SDK re-requests as load_failed and gives up naming it', async () => {
    const { outcome, events } = await mountWithSdk(otherHost);
    expect(outcome).toMatch(/^reauthorization_failed: .*load_failed/);
    expect(events).toEqual([
      ['tokenframe.reauthorizing', 'initial'],
      ['tokenframe.reauthorizing', 'load_failed'],
      ['tokenframe.plugin_error', 'reauthorization_failed'],
    ]);
  });

  it('the widget says hello while its document loads: lazy chunks held past the grace cost no re-request', async () => {
    // The flow pages and locale chunks are held until the frame loaded more than the grace
    // ago. Had the widget's hello waited on them, the SDK would have called the frame blocked.
    const { outcome, events } = await mountWithSdk(allowedHost, async ({ page }) => {
      await page.route(/\/widget\/assets\/(page|locale)-/, async (route) => {
        await waitUntil(
          'the grace to pass after the frame loaded',
          () =>
            page.evaluate(
              (grace) =>
                window.__sdk.loadedAt !== null &&
                performance.now() - window.__sdk.loadedAt > grace + 500,
              LOAD_TO_HELLO_GRACE_MS,
            ),
          60_000,
        );
        await route.continue();
      });
    });
    expect(outcome).toBe('ready');
    expect(events.filter(([name]) => name === 'tokenframe.reauthorizing')).toEqual([
      ['tokenframe.reauthorizing', 'initial'],
    ]);
    expect(events).toContainEqual(['tokenframe.ready', null]);
  });
});

declare global {
  interface Window {
    __sdk: {
      events: Array<[string, string | null]>;
      outcome: string | null;
      loadedAt: number | null;
    };
  }
}
