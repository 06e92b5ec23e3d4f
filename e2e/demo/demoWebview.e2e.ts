import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bridgeShimScript,
  NATIVE_BRIDGE_BINDING,
  type NativeBridgeKind,
  type NativeBridgeMessage,
} from '../../demo/webview/bridgeShim';
import { SCENARIOS } from '../../demo/server/scenarios';
import { launchBrowser, waitUntil } from '../harness/browser';
import { startDemoProcess, type DemoProcess } from './demoProcess';
import { acknowledgeTerminalFailure } from '../../demo/driver/widgetDriver';
import { cancelFlow, confirmAccount, submitTestData } from './demoPageDriver';

/**
 * The webview demo: the authorized_url opened top-level (standalone mode) in a browser that
 * plays the native app, with the bridge installed as an init script on the widget's origin
 * (as WKUserScript / addJavascriptInterface would), then the redirect back to the result page.
 */

let demo: DemoProcess;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemoProcess();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function nativeApp(bridges: NativeBridgeKind[]) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
  });
  const received: NativeBridgeMessage[] = [];
  await context.exposeBinding(
    NATIVE_BRIDGE_BINDING,
    (_source, bridge: NativeBridgeKind, event: NativeBridgeMessage['event'], url: string) => {
      received.push({ bridge, event, url });
    },
  );
  await context.addInitScript(bridgeShimScript(demo.serviceUrl, bridges));
  const page = await context.newPage();
  await page.goto(`${demo.demoUrl}/webview.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#open-webview');
  await page.waitForURL(`${demo.serviceUrl}/session/**`);
  return { context, page, received };
}

const names = (messages: NativeBridgeMessage[], bridge: NativeBridgeKind) =>
  messages.filter((m) => m.bridge === bridge).map((m) => String(m.event.event_name));

describe('webview demo (standalone mode)', () => {
  it('delivers events to the iOS bridge, then redirects to the success page with the session', async () => {
    const app = await nativeApp(['webkit']);
    try {
      // A top-level document lists the standalone chunk beside the form's, so READY does not
      // wait for it to be requested (an embedded one never loads it: e2e/locales.e2e.ts).
      const preloads = await app.page.$$eval('link[rel="modulepreload"]', (links) =>
        links.map((link) => link.getAttribute('href') ?? ''),
      );
      expect(preloads).toContainEqual(
        expect.stringMatching(/^\/widget\/assets\/page-standaloneMode-[^/]+\.js$/),
      );
      const debit = SCENARIOS.find((s) => s.id === 'debit-happy')!;
      await submitTestData(app.page, debit);
      await confirmAccount(app.page);
      await app.page.waitForURL(`${demo.demoUrl}/webview-result.html?**`);
      const query = new URL(app.page.url()).searchParams;
      expect(query.get('outcome')).toBe('success');
      expect(query.get('event_name')).toBe('tokenframe.token_success');
      expect(await app.page.textContent('#result-meaning')).toMatch(/^Final: /);
      const sessionId = query.get('session_identifier');
      expect(sessionId).toBeTruthy();
      expect(await app.page.textContent('dd[data-field="session_identifier"]')).toBe(sessionId);
      const delivered = names(app.received, 'webkit');
      expect(delivered).toEqual(
        expect.arrayContaining(['tokenframe.ready', 'tokenframe.token_success']),
      );
      const success = app.received.find((m) => m.event.event_name === 'tokenframe.token_success');
      expect(success?.event).toMatchObject({
        session_identifier: sessionId,
        funding_destination: 'debit',
      });
      expect(success?.url.startsWith(`${demo.serviceUrl}/session/`)).toBe(true);
      await waitUntil('token_success webhook on the result page', () =>
        app.page.locator('#webhook-log li[data-topic="tokenframe.token_success"]').count(),
      );
    } finally {
      await app.context.close();
    }
  });

  it('sends JSON strings to the React Native and Android bridges and redirects a cancel to the error page', async () => {
    const app = await nativeApp(['react-native', 'android']);
    try {
      await cancelFlow(app.page);
      await app.page.waitForURL(`${demo.demoUrl}/webview-result.html?**`);
      const query = new URL(app.page.url()).searchParams;
      expect(query.get('outcome')).toBe('error');
      expect(query.get('event_name')).toBe('tokenframe.funding_canceled');
      for (const bridge of ['react-native', 'android'] as const) {
        expect(names(app.received, bridge)).toEqual(
          expect.arrayContaining(['tokenframe.ready', 'tokenframe.funding_canceled']),
        );
      }
    } finally {
      await app.context.close();
    }
  });

  it('redirects to the error page with outcome=error after TERMINAL_FAILURE_ACKNOWLEDGED, though the session stays active', async () => {
    const app = await nativeApp(['webkit']);
    try {
      const failing = SCENARIOS.find((s) => s.outcome.kind === 'attempts_exhausted')!;
      const perMount = failing.outcome.kind === 'attempts_exhausted' ? failing.outcome.perMount : 0;
      for (let attempt = 1; attempt <= perMount; attempt += 1) {
        await submitTestData(app.page, failing);
        await waitUntil(
          `failure ${attempt} delivered to the bridge`,
          () =>
            names(app.received, 'webkit').filter(
              (name) => name === 'tokenframe.account_could_not_be_verified',
            ).length >= attempt,
        );
      }
      // The terminal-failure page is shown, not followed by a redirect of its own.
      expect(new URL(app.page.url()).origin).toBe(demo.serviceUrl);
      await acknowledgeTerminalFailure(app.page);
      await app.page.waitForURL(`${demo.demoUrl}/webview-result.html?**`);
      const query = new URL(app.page.url()).searchParams;
      expect(query.get('outcome')).toBe('error');
      expect(query.get('event_name')).toBe('tokenframe.terminal_failure_acknowledged');
      expect(await app.page.textContent('#result-meaning')).toMatch(/^Not final: /);
      expect(names(app.received, 'webkit')).toEqual(
        expect.arrayContaining([
          'tokenframe.terminal_failure',
          'tokenframe.terminal_failure_acknowledged',
        ]),
      );
      const state = await app.page.evaluate(async (id) => {
        const response = await fetch(`/demo/api/sessions/${encodeURIComponent(id ?? '')}`);
        return ((await response.json()) as { data: { state: string } }).data.state;
      }, query.get('session_identifier'));
      expect(state).toBe('active');
    } finally {
      await app.context.close();
    }
  });

  it('resumes the mount when the standalone page is reloaded, then still redirects on success', async () => {
    const app = await nativeApp(['webkit']);
    try {
      const debit = SCENARIOS.find((s) => s.id === 'debit-happy')!;
      await app.page.locator('section[data-page="account_entry"] form').waitFor();
      await app.page.reload();
      await app.page.locator('section[data-page="account_entry"] form').waitFor();
      expect(names(app.received, 'webkit')).not.toContain('tokenframe.session_error');
      await submitTestData(app.page, debit);
      await confirmAccount(app.page);
      await app.page.waitForURL(`${demo.demoUrl}/webview-result.html?**`);
      expect(new URL(app.page.url()).searchParams.get('outcome')).toBe('success');
    } finally {
      await app.context.close();
    }
  });
});
