import { launchChromium } from '../../chromium/launchChromium';
import {
  bridgeShimScript,
  NATIVE_BRIDGE_BINDING,
  type NativeBridgeKind,
  type NativeBridgeMessage,
} from './bridgeShim';

/**
 * A stand-in native app for QA: opens the demo's webview page in Chromium with a native
 * bridge installed on the widget's origin and prints every event the widget delivers to it.
 *
 *   npx tsx demo/webview/nativeShell.ts            # after `npm start`
 *   DEMO_URL=http://localhost:3000 SERVICE_URL=http://localhost:8080 BRIDGE=webkit HEADLESS=0
 *
 * It proves the widget's side of the contract (which bridge, what payload, which redirect);
 * it does not prove a real WKWebView or Android WebView, which only a device test can.
 */

const demoUrl = process.env.DEMO_URL ?? 'http://localhost:3000';
const serviceOrigin = new URL(process.env.SERVICE_URL ?? 'http://localhost:8080').origin;
const bridge = (process.env.BRIDGE ?? 'webkit') as NativeBridgeKind;

const browser = await launchChromium({ headless: process.env.HEADLESS === '1' });
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
await context.exposeBinding(
  NATIVE_BRIDGE_BINDING,
  (_source, kind: NativeBridgeKind, event: NativeBridgeMessage['event'], url: string) => {
    console.log(`[native ${kind}] ${String(event.event_name)} ${JSON.stringify(event)} (${url})`);
  },
);
await context.addInitScript(bridgeShimScript(serviceOrigin, [bridge]));
const page = await context.newPage();
page.on('framenavigated', (frame) => {
  if (frame === page.mainFrame()) console.log(`[navigation] ${frame.url().split('?')[0]}`);
});
await page.goto(`${demoUrl}/webview.html`);
console.log(
  `Stand-in native app (${bridge} bridge) open on ${demoUrl}/webview.html; close the window to quit.`,
);
await new Promise<void>((resolve) => {
  page.on('close', () => resolve());
  process.once('SIGINT', () => resolve());
});
await browser.close();
