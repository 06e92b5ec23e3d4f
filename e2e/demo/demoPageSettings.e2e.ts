import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../demo/server/scenarios';
import { launchBrowser, openPage, waitUntil, type TrackedPage } from '../harness/browser';
import { startDemoProcess, type DemoProcess } from './demoProcess';
import { startScenario } from './demoPageDriver';

/**
 * The demo page as a tester's tool: a run's settings round-trip through the URL (a bug
 * report is a link), and on a 375 px phone Start brings the whole widget into view.
 */

let demo: DemoProcess;
let browser: Browser;
let tracked: TrackedPage | undefined;

beforeAll(async () => {
  demo = await startDemoProcess();
  browser = await launchBrowser();
});

afterEach(async () => {
  if (tracked) {
    expect(tracked.pageErrors).toEqual([]);
    await tracked.close();
  }
  tracked = undefined;
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const controls = (t: TrackedPage) =>
  t.page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('#controls')!;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    return {
      scenario: value('scenario'),
      destination: value('destination'),
      locale: value('locale'),
      theme: value('theme'),
      primary: (form.elements.namedItem('use-primary') as HTMLInputElement).checked
        ? value('primary')
        : null,
      radius: value('radius'),
    };
  });

describe('demo page settings and layout', () => {
  it('restores scenario, destination, locale, theme and appearance from the URL, applies them, and writes changes back', async () => {
    const query =
      'scenario=ach-777&destination=paypal&locale=ar-SA&theme=dark&primary=%235b3cc4&radius=12px';
    const scenario = SCENARIOS.find((s) => s.id === 'ach-777')!;
    const run = await startScenario(browser, demo.demoUrl, scenario, {
      query: query.replace('scenario=ach-777&', ''),
    });
    tracked = run;
    expect(await controls(run)).toEqual({
      scenario: 'ach-777',
      destination: 'paypal',
      locale: 'ar-SA',
      theme: 'dark',
      primary: '#5b3cc4',
      radius: '12px',
    });
    // The run really uses them: the widget mounted PayPal, in Arabic, dark, with the colours.
    const ready = await run.waitForEvent('tokenframe.ready');
    expect(ready).toMatchObject({ funding_destination: 'paypal', language_locale_code: 'ar-SA' });
    const widgetRoot = run.widget.locator('html');
    await expect.poll(() => widgetRoot.getAttribute('dir'), { timeout: 20_000 }).toBe('rtl');
    expect(await widgetRoot.getAttribute('data-theme')).toBe('dark');
    expect(
      await widgetRoot.evaluate((html) => [
        html.style.getPropertyValue('--tf-color-primary'),
        html.style.getPropertyValue('--tf-border-radius'),
      ]),
    ).toEqual(['#5b3cc4', '12px']);
    expect(await run.page.getAttribute('html', 'data-theme')).toBe('dark');

    // A change is written back to the address bar, and that link restores it.
    await run.page.selectOption('#scenario', 'debit-happy');
    await run.page.selectOption('#theme', 'light');
    await run.page.uncheck('#use-primary');
    const link = new URL(run.page.url());
    expect(Object.fromEntries(link.searchParams)).toEqual({
      scenario: 'debit-happy',
      destination: 'debit',
      locale: 'ar-SA',
      theme: 'light',
      radius: '12px',
    });
    const second = await openPage(browser);
    try {
      await second.page.goto(link.toString());
      await second.page.waitForSelector('body[data-ready="true"]');
      expect(await controls(second)).toEqual({
        scenario: 'debit-happy',
        destination: 'debit',
        locale: 'ar-SA',
        theme: 'light',
        primary: null,
        radius: '12px',
      });
    } finally {
      await second.close();
    }
  });

  it('ignores values the page does not offer and falls back to the defaults', async () => {
    tracked = await openPage(browser);
    await tracked.page.goto(
      `${demo.demoUrl}/?scenario=nope&destination=cash&locale=xx-XX&theme=pink&primary=red&radius=9px`,
    );
    await tracked.page.waitForSelector('body[data-ready="true"]');
    expect(await controls(tracked)).toEqual({
      scenario: SCENARIOS[0]!.id,
      destination: SCENARIOS[0]!.destination,
      locale: 'en-US',
      theme: 'light',
      primary: null,
      radius: '',
    });
  });

  it('at 375 px: no horizontal scroll, the widget scrolled fully into view after Start, and a session panel without a stray "null"', async () => {
    const viewport = { width: 375, height: 740 };
    const run = await startScenario(browser, demo.demoUrl, SCENARIOS[0]!, { viewport });
    tracked = run;
    const overflow = await run.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await run.widget.locator('section[data-page="account_entry"] form').waitFor();
    // Fully into view: the frame has grown to its content (autoHeight) and its top sits at
    // the top of the screen, so as much of the widget as the screen holds is visible.
    const geometry = () =>
      run.page.evaluate(() => {
        const frame = document.querySelector('#capture iframe')!.getBoundingClientRect();
        return { top: frame.top, bottom: frame.bottom, height: frame.height };
      });
    const settled = await waitUntil(
      'the widget frame to grow to its content and sit at the top of the screen',
      async () => {
        const content = await run.widget.locator('html').evaluate((html) => html.scrollHeight);
        const at = await geometry();
        return at.height >= content - 2 && Math.abs(at.top) <= 2 ? at : undefined;
      },
      30_000,
    ).catch(geometry);
    expect(Math.abs(settled.top)).toBeLessThanOrEqual(2);
    expect(settled.bottom).toBeGreaterThanOrEqual(Math.min(viewport.height, settled.height) - 2);

    // The session panel lists elements only: before the fix a missing account printed "null".
    await run.page.click('#refresh-session');
    await run.page.locator('#session-panel dd[data-field="state"]').waitFor();
    const strayText = await run.page.$eval('#session-panel', (panel) =>
      [...panel.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent),
    );
    expect(strayText).toEqual([]);
  });
});
