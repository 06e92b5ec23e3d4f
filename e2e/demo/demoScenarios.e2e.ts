import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { playScenario } from '../../demo/driver/playScenario';
import { describeOutcome } from '../../demo/server/scenarioOutcome';
import { SCENARIOS } from '../../demo/server/scenarios';
import { launchBrowser, openPage } from '../harness/browser';
import { expectAnnouncedOutcome } from './announcedOutcome';
import { startDemoProcess, type DemoProcess } from './demoProcess';
import { startScenario, type DemoPage } from './demoPageDriver';
import { copyRunAsJson, typedSecrets } from './runExport';

/**
 * Walks every scenario the demo page's picker offers, in real Chromium against
 * `demo/start.ts` (service + demo backend, fresh data folder, free ports): types the
 * preset's own rows and checks the outcome its sentence announces, then exports the run.
 * Page, sentence and test all come from one `outcome` object, so they cannot drift apart.
 */

let demo: DemoProcess;
let browser: Browser;
let open: DemoPage | undefined;

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

describe('demo page scenarios', () => {
  it('the picker offers every scenario, each with the sentence written from its outcome', async () => {
    const tracked = await openPage(browser);
    try {
      await tracked.page.goto(demo.demoUrl);
      await tracked.page.waitForSelector('body[data-ready="true"]');
      const offered = await tracked.page.$$eval('#scenario option', (options) =>
        options.map((option) => (option as HTMLOptionElement).value),
      );
      expect(offered).toEqual(SCENARIOS.map((scenario) => scenario.id));
      for (const scenario of SCENARIOS) {
        await tracked.page.selectOption('#scenario', scenario.id);
        expect(await tracked.page.textContent('#expected')).toBe(
          describeOutcome(scenario.outcome, scenario.destination),
        );
        expect(await tracked.page.inputValue('#destination')).toBe(scenario.destination);
      }
    } finally {
      await tracked.close();
    }
  });

  it.each(SCENARIOS.map((scenario) => [scenario.id, scenario] as const))(
    '%s: reaches the outcome the page announces, and exports the run without full numbers',
    async (_id, scenario) => {
      open = await startScenario(browser, demo.demoUrl, scenario, {
        readyTimeoutMs: (scenario.mountDelayMs ?? 0) + 30_000,
      });
      const demoPage = open;
      const end = await playScenario(open.widget, scenario, {
        waitForEvent: (name, count) => demoPage.waitForEvent(name, count, 30_000),
      });
      await expectAnnouncedOutcome(open, scenario, end);

      const exported = await copyRunAsJson(open);
      expect(exported.scenario).toEqual({
        id: scenario.id,
        label: scenario.label,
        expected: scenario.expected,
      });
      expect(exported.settings).toMatchObject({
        scenario: scenario.id,
        destination: scenario.destination,
      });
      expect(new URL(exported.link).searchParams.get('scenario')).toBe(scenario.id);
      expect(exported.sdk_events.map((entry) => entry.event)).toEqual(await open.events());
      expect(exported.session.session_identifier).toBe(exported.run.session_identifier);
      if (scenario.outcome.kind === 'tokenized') {
        expect(exported.webhooks.map((webhook) => webhook.topic)).toContain(
          'tokenframe.token_success',
        );
        expect(exported.session.account).toMatchObject(scenario.outcome.account);
      }
      const text = JSON.stringify(exported);
      for (const secret of typedSecrets(scenario)) expect(text).not.toContain(secret);
      // The page's panels show the same data: no full number there either.
      const panels = await open.page.$$eval('#event-log, #webhook-log, #session-panel', (all) =>
        all.map((panel) => panel.textContent ?? '').join('\n'),
      );
      for (const secret of typedSecrets(scenario)) expect(panels).not.toContain(secret);
    },
  );
});
