import type { Page } from 'playwright-core';
import { launchChromium } from '../../chromium/launchChromium';
import { EventCollector } from '../driver/eventCollector';
import { playScenario, type ReceivedEvent, type ScenarioEnd } from '../driver/playScenario';
import type { Scenario } from '../server/scenarios';
import {
  bridgeShimScript,
  NATIVE_BRIDGE_BINDING,
  type NativeBridgeKind,
  type NativeBridgeMessage,
} from './bridgeShim';
import { shellOptionsFromEnv, type ShellOptions } from './shellOptions';

/**
 * A stand-in native app for QA: opens the demo's webview page in Chromium with a native
 * bridge installed on the widget's origin and prints every event the widget delivers to it.
 *
 *   npx tsx demo/webview/nativeShell.ts                  # beside `npm start`; you type
 *   PORT=9080 DEMO_PORT=4000 npx tsx demo/webview/nativeShell.ts   # same variables as npm start
 *   HEADLESS=1 SCENARIO=account-700 BRIDGE=android npx tsx demo/webview/nativeShell.ts
 *
 * HEADLESS=1 plays the scenario by itself (default debit-happy), prints what it received and
 * exits: 0 when the scenario reached the outcome the demo page announces, 1 otherwise.
 * It proves the widget's side of the contract (which bridge, what payload, which redirect);
 * it does not prove a real WKWebView or Android WebView, which only a device test can.
 */

const HEADLESS_DEADLINE_MS = 180_000;

let options: ShellOptions;
try {
  options = shellOptionsFromEnv(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { demoUrl, serviceOrigin, bridge, headless, scenario } = options;

const browser = await launchChromium({ headless });
const events = new EventCollector(HEADLESS_DEADLINE_MS);
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
await context.exposeBinding(
  NATIVE_BRIDGE_BINDING,
  (_source, kind: NativeBridgeKind, event: NativeBridgeMessage['event'], url: string) => {
    console.log(`[native ${kind}] ${String(event.event_name)} ${JSON.stringify(event)} (${url})`);
    events.push(event as ReceivedEvent);
  },
);
await context.addInitScript(bridgeShimScript(serviceOrigin, [bridge]));
const page = await context.newPage();
page.on('framenavigated', (frame) => {
  if (frame === page.mainFrame()) console.log(`[navigation] ${frame.url().split('?')[0]}`);
});

try {
  await page.goto(`${demoUrl}/webview.html`);
} catch (error) {
  console.error(
    `Could not open ${demoUrl}/webview.html (${(error as Error).message.split('\n')[0]}). ` +
      'Is `npm start` running? Use the same PORT / DEMO_PORT here.',
  );
  await browser.close();
  process.exit(1);
}

if (!headless) {
  console.log(
    `Stand-in native app (${bridge} bridge) open on ${demoUrl}/webview.html; close the window to quit.`,
  );
  await new Promise<void>((resolve) => {
    page.on('close', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await browser.close();
  process.exit(0);
}

let exitCode = 1;
try {
  const summary = await Promise.race([
    runHeadless(page, scenario),
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`not finished after ${HEADLESS_DEADLINE_MS / 1000} s`)),
        HEADLESS_DEADLINE_MS,
      ).unref(),
    ),
  ]);
  console.log(summary);
  exitCode = 0;
} catch (error) {
  console.error(`Scenario ${scenario.id} did not reach its outcome: ${(error as Error).message}`);
} finally {
  const names = events.received.map((event) => event.event_name);
  console.log(`Events received by the ${bridge} bridge (${names.length}): ${names.join(', ')}`);
  await browser.close();
}
process.exit(exitCode);

/** Opens the widget top-level, plays the scenario, and says how it ended. */
async function runHeadless(shell: Page, played: Scenario): Promise<string> {
  await shell.waitForSelector('body[data-ready="true"]');
  await shell.click('#open-webview');
  await shell.waitForURL(`${serviceOrigin}/session/**`);
  const end = await playScenario(shell, played, events);
  checkAnnounced(played, end);
  if (played.outcome.kind === 'tokenized') {
    // A final outcome: the widget navigates to the session's success_redirect_url.
    await shell.waitForURL(`${demoUrl}/webview-result.html?**`);
    const query = new URL(shell.url()).search;
    return `Scenario ${played.id} ended: ${end.finalEvent?.event_name}, redirected to /webview-result.html${query}`;
  }
  const how = end.finalEvent?.event_name ?? `inline error "${end.inlineError}"`;
  return `Scenario ${played.id} ended: ${how} (not final: the widget stays on the page)`;
}

/** Throws when the run ended other than the demo page says it does. */
function checkAnnounced(played: Scenario, end: ScenarioEnd): void {
  const { outcome } = played;
  const event = end.finalEvent as Record<string, unknown> | undefined;
  const account = event?.account as { display?: string } | undefined;
  if (outcome.kind === 'tokenized' && account?.display !== outcome.account.display)
    throw new Error(`expected ${outcome.account.display}, got ${JSON.stringify(event)}`);
  if (outcome.kind === 'verification_failed' && event?.code !== outcome.code)
    throw new Error(`expected code ${outcome.code}, got ${JSON.stringify(event)}`);
  if (outcome.kind === 'inline_error' && !end.inlineError?.includes(outcome.message))
    throw new Error(`expected "${outcome.message}", got "${end.inlineError}"`);
}
