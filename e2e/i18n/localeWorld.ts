import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import type { FundingDestination, Locale } from '../../protocol/constants';
import { REPO_ROOT } from '../../server/config';
import { spawnService, type SpawnedService } from '../../server/testing/spawnService';
import {
  SignedClient,
  sampleSessionRequest,
  type CreateSessionEnvelope,
} from '../../server/testing/signedClient';
import { launchBrowser, openPage, waitUntil, type TrackedPage } from '../harness/browser';
import { startStaticServer, type StaticServer } from '../harness/staticServer';
import { requireWidgetBuild } from '../harness/merchantPage';

/**
 * What the locale suites share: the real service as a process, a merchant page on another
 * site (127.0.0.1 vs the service's localhost) that embeds the built SDK by script tag, and
 * one Chromium for the whole file.
 */
export interface LocaleWorld {
  browser: Browser;
  service: SpawnedService;
  host: StaticServer;
  client: SignedClient;
  /** Creates a session in `locale` and mounts it on a fresh merchant page. */
  mount(locale: Locale, options?: MountOptions): Promise<MountedWidget>;
  close(): Promise<void>;
}

/** Options of {@link LocaleWorld.mount}. */
export interface MountOptions {
  destination?: FundingDestination;
  /** Host page width in CSS pixels (the iframe fills the page). */
  hostWidth?: number;
  /**
   * Sent as `Idempotency-Key`, with a participant derived from it: mounting twice with one key
   * gets the same session with a new URL (status 101), as an SDK re-request does.
   */
  idempotencyKey?: string;
  /** Runs on the fresh page before it loads anything (routes, listeners). */
  beforeLoad?(tracked: TrackedPage): Promise<void>;
}

/** A merchant page with the widget mounted and READY. */
export interface MountedWidget extends TrackedPage {
  sessionIdentifier: string;
  /** The authorized_url, already used by the mount. */
  usedUrl: string;
  /** The widget's frame. */
  frame: Frame;
  /** Event names the host received, in order. */
  eventNames(): Promise<string[]>;
  /** Console lines from the page or the frame that report a missing translation. */
  missingKeyWarnings(): string[];
  /** Locale codes whose chunk (`locale-<code>-*.js`) the page downloaded, in order. */
  localeChunksRequested: string[];
  /** Lazy chunks (`page-<name>-*.js|css`) requested before the flow pages chunk had arrived. */
  pageChunksDuringBoot: string[];
  /** Lazy chunks (`page-<name>-*.js|css`) requested so far, READY or not. */
  pageChunksRequested: string[];
}

/** The recipient the sessions are created for; typing these passes recipient verification. */
export const RECIPIENT = sampleSessionRequest().recipient_information as Record<string, string>;

const HOST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Merchant</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0}</style>
<script src="/tokenframe.js"></script></head>
<body><main><h1>Merchant payouts</h1><div id="capture"></div></main>
<script>
window.__events = [];
window.mountWidget = async (url, destination) => {
  const plugin = Tokenframe.create('#capture', { title: 'Add your payout account', autoHeight: true });
  for (const name of Object.keys(Tokenframe.EVENTS)) plugin.on(name, (event) => window.__events.push(event.event_name));
  try { await plugin.mount(url, destination); return 'ready'; }
  catch (error) { return 'error: ' + (error && error.code || error); }
};
</script></body></html>`;

/** Starts the host, the service (allowing the host) and Chromium. Close it in `afterAll`. */
export async function startLocaleWorld(): Promise<LocaleWorld> {
  requireWidgetBuild();
  // The host's origin goes on the service's allowlist, so the host starts first.
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
  const service = await spawnService({ env: { TOKENFRAME_EXTRA_HOSTS: host.origin } });
  const client = new SignedClient({
    baseUrl: service.url,
    username: 'demo',
    secret: 'demo-secret',
  });
  const browser = await launchBrowser();
  let participants = 0;

  const mount = async (locale: Locale, options: MountOptions = {}): Promise<MountedWidget> => {
    const tracked = await openPage(browser);
    const localeChunksRequested: string[] = [];
    const pageChunksRequested: string[] = [];
    tracked.page.on('request', (request) => {
      const chunk = /\/assets\/locale-([A-Za-z]+-[A-Za-z]+)-[^/]*\.js$/.exec(request.url());
      if (chunk) localeChunksRequested.push(chunk[1]!);
      const page = /\/assets\/page-([A-Za-z]+)-[^/]*\.(js|css)$/.exec(request.url());
      if (page) pageChunksRequested.push(`${page[1]!}.${page[2]!}`);
    });
    // What was requested alongside the boot set: every page chunk asked for before the flow
    // pages chunk (the last boot download READY waits on) had arrived. Timing it by when
    // mount() resolves instead would race the widget's own fetch right after READY.
    let bootChunksSnapshot: string[] | null = null;
    tracked.page.on('requestfinished', (request) => {
      if (!bootChunksSnapshot && /\/assets\/page-flowPages-[^/]*\.js$/.test(request.url()))
        bootChunksSnapshot = [...pageChunksRequested];
    });
    await tracked.page.setViewportSize({ width: options.hostWidth ?? 480, height: 900 });
    await options.beforeLoad?.(tracked);
    await tracked.page.goto(host.url('/host.html'));
    // Each session its own participant: the sandbox rate limit is per participant.
    participants += 1;
    const created = await client.createSession<CreateSessionEnvelope>(
      sampleSessionRequest({
        host_uri: host.origin,
        participant_unique_id1: options.idempotencyKey
          ? `locale-${locale}-${options.idempotencyKey}`
          : `locale-${locale}-${participants}-${Date.now()}`,
        language_locale_code: locale,
      }),
      options.idempotencyKey,
    );
    if (created.body.status !== 100 && created.body.status !== 101)
      throw new Error(`create session in ${locale}: status ${created.body.status}`);
    const { authorized_url: url, session_identifier: sessionIdentifier } = created.body.data;
    const outcome = await tracked.page.evaluate(
      ([authorizedUrl, destination]) =>
        (window as unknown as { mountWidget(u: string, d: string): Promise<string> }).mountWidget(
          authorizedUrl,
          destination,
        ),
      [url, options.destination ?? 'debit'] as const,
    );
    if (outcome !== 'ready') throw new Error(`mount in ${locale}: ${outcome}`);
    const pageChunksDuringBoot = await waitUntil(
      'the flow pages chunk to arrive',
      () => bootChunksSnapshot,
    );
    const frame = await waitUntil('the widget frame', () =>
      tracked.page.frames().find((candidate) => candidate.url().includes('/session/')),
    );
    return {
      ...tracked,
      sessionIdentifier,
      usedUrl: url,
      frame,
      localeChunksRequested,
      pageChunksDuringBoot,
      pageChunksRequested,
      eventNames: () =>
        tracked.page.evaluate(() => (window as unknown as { __events: string[] }).__events),
      missingKeyWarnings: () =>
        tracked.consoleMessages.filter((line) =>
          /missing (translation|key)|missingKey/i.test(line),
        ),
    };
  };

  return {
    browser,
    service,
    host,
    client,
    mount,
    close: async () => {
      await browser.close();
      await service.kill();
      await host.close();
    },
  };
}
