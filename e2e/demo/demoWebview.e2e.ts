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
import { confirmAccount, submitTestData } from './demoPageDriver';

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
      const debit = SCENARIOS.find((s) => s.id === 'debit-happy')!;
      await submitTestData(app.page, debit);
      await confirmAccount(app.page);
      await app.page.waitForURL(`${demo.demoUrl}/webview-result.html?**`);
      const query = new URL(app.page.url()).searchParams;
      expect(query.get('outcome')).toBe('success');
      expect(query.get('event_name')).toBe('tokenframe.token_success');
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
      await app.page.locator('section[data-page="account_entry"]').waitFor();
      await app.page
        .locator('section[data-page="account_entry"] button.secondary')
        .filter({ hasText: /cancel/i })
        .click();
      // Cancel asks first (PRODUCT.md §2); Leave ends the session.
      await app.page.locator('section[data-page="account_entry"] .leave-confirm-button').click();
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
});
