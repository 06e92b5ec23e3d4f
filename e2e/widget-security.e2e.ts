import { existsSync } from 'node:fs';
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
import { startStaticServer, type StaticServer } from './harness/staticServer';

/**
 * The widget document's `frame-ancestors` (issue 4, security headers), in real Chromium: a
 * merchant page on the session's host_uri may frame the widget; a page on any other origin
 * is refused by the browser before the widget runs. Needs the widget build (`npm run build`).
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

beforeAll(async () => {
  if (!existsSync(join(REPO_ROOT, 'dist/widget/index.html'))) {
    throw new Error(
      'dist/widget/index.html is missing: run `npm run build` before the browser suite',
    );
  }
  allowedHost = await startStaticServer({ routes: { '/host.html': hostPage } });
  otherHost = await startStaticServer({ routes: { '/host.html': hostPage } });
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
