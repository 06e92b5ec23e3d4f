import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../server/config';
import { openPage, type TrackedPage } from './harness/browser';
import { RECIPIENT, startLocaleWorld, type LocaleWorld } from './i18n/localeWorld';
import {
  SANDBOX_DEBIT_CARD,
  fillDebitForm,
  submitAccountForm,
  waitForPage,
} from './i18n/debitForm';
import { layoutProblems, unlocalizedTexts } from './i18n/pageAudits';
import { pseudoCatalogue, pseudoLocaleModule } from './i18n/pseudoLocale';

/**
 * Issue 5's pseudo-locale run: en-US.json is turned into an accented, ~40% longer catalogue
 * with every string in ⟦…⟧, and served in place of the en-US chunk (the sessions here are in
 * en-US, the only chunk they download, so even the loading and session error pages use it). Each page of the flow is then checked
 * at host widths of 320 and 375 px: every piece of copy must carry the markers (none is
 * hard-coded), and nothing may be clipped, spill out of its box or past the frame's edge, nor
 * any word be broken across lines by a box squeezed too narrow.
 */

const ASSETS = join(REPO_ROOT, 'dist/widget/assets');
const EN_US = JSON.parse(readFileSync(join(REPO_ROOT, 'locales/en-US.json'), 'utf8')) as unknown;
const HOST_WIDTHS = [320, 375];

let world: LocaleWorld;

/** The catalogue's strings, depth first. */
function stringsOf(catalogue: unknown): string[] {
  if (typeof catalogue === 'string') return [catalogue];
  return Object.values(catalogue as Record<string, unknown>).flatMap(stringsOf);
}
/** Requests answered with the pseudo chunk, across all pages. */
let pseudoServed = 0;

beforeAll(async () => {
  world = await startLocaleWorld();
});

afterAll(async () => {
  await world?.close();
});

/** Answers the en-US chunk with the pseudo-locale on every frame of `tracked`'s context. */
async function servePseudoLocale(tracked: TrackedPage): Promise<void> {
  const body = pseudoLocaleModule(EN_US);
  await tracked.context.route('**/widget/assets/locale-en-US-*.js', (route) => {
    pseudoServed += 1;
    return route.fulfill({ status: 200, contentType: 'text/javascript', body });
  });
}

/** Lets layout and the SDK's auto-height settle after a width change. */
async function settle(frame: Frame): Promise<void> {
  await frame.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await frame.page().waitForTimeout(100);
}

/** Checks the current page at each host width: all copy pseudo-translated, nothing clipped. */
async function expectLocalizedAndUnclipped(page: Page, frame: Frame, where: string) {
  for (const width of HOST_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await settle(frame);
    expect(await layoutProblems(frame), `layout of ${where} at ${width} px`).toEqual([]);
  }
  expect(await unlocalizedTexts(frame), `hard-coded text on ${where}`).toEqual([]);
}

/** Submits the current form and waits for the recipient-verification failure notice. */
async function submitAndWaitForFailure(
  frame: Frame,
  count: number,
  names: () => Promise<string[]>,
) {
  await submitAccountForm(frame);
  await expect
    .poll(
      async () =>
        (await names()).filter((name) => name === 'tokenframe.account_could_not_be_verified')
          .length,
      { timeout: 15_000 },
    )
    .toBe(count);
}

describe('pseudo-locale through the flow', () => {
  it('the en-US chunk exports its catalogue as `default`, the shape the pseudo chunk imitates', async () => {
    const chunk = readdirSync(ASSETS).find((name) => /^locale-en-US-.*\.js$/.test(name));
    expect(chunk, 'dist/widget/assets/locale-en-US-*.js').toBeDefined();
    const module = (await import(pathToFileURL(join(ASSETS, chunk!)).href)) as {
      default: unknown;
    };
    expect(module.default).toEqual(EN_US);
    // Every string grows by at least 40% (markers aside), placeholders intact.
    const english = stringsOf(EN_US);
    const pseudo = stringsOf(pseudoCatalogue(EN_US));
    english.forEach((text, index) => {
      const translated = pseudo[index]!;
      const visible = (value: string) => value.replace(/\{\{[^}]*\}\}|[⟦⟧]/g, '');
      expect(visible(translated).length, translated).toBeGreaterThanOrEqual(
        visible(text).length * 1.4,
      );
      expect(translated.match(/\{\{[^}]*\}\}/g), translated).toEqual(text.match(/\{\{[^}]*\}\}/g));
    });
  });

  it('debit entry, inline errors, RVDM failure, confirmation, picker, ACH entry, ACH confirmation and success: all copy localized, nothing clipped', async () => {
    const widget = await world.mount('en-US', { hostWidth: 375, beforeLoad: servePseudoLocale });
    const { page, frame } = widget;
    try {
      await waitForPage(frame, 'account_entry');
      expect(pseudoServed).toBeGreaterThan(0);
      expect(await frame.textContent('h1.page-heading')).toMatch(/^⟦.+⟧$/);
      await expectLocalizedAndUnclipped(page, frame, 'debit account entry');

      await submitAccountForm(frame);
      await frame.waitForSelector('.error-summary');
      await expectLocalizedAndUnclipped(page, frame, 'debit account entry with errors');

      await fillDebitForm(frame, SANDBOX_DEBIT_CARD, { last_name: 'Mismatch' });
      await submitAndWaitForFailure(frame, 1, widget.eventNames);
      await frame.waitForSelector('.failure-notice');
      await expectLocalizedAndUnclipped(page, frame, 'recipient verification failure');

      await frame.fill('#last_name', RECIPIENT.last_name!);
      await submitAccountForm(frame);
      await waitForPage(frame, 'confirmation');
      await expectLocalizedAndUnclipped(page, frame, 'debit confirmation');

      // "Use a different method" is the first secondary action when several are enabled.
      await frame.click('section[data-page="confirmation"] .button.secondary >> nth=0');
      await frame.waitForSelector('form.destination-picker');
      await expectLocalizedAndUnclipped(page, frame, 'destination picker');

      await frame.check('input[name="funding_destination"][value="ach"]');
      await frame.click('form.destination-picker button[type="submit"]');
      await frame.waitForSelector('#routing_number');
      await frame.fill('#first_name', RECIPIENT.first_name!);
      await frame.fill('#last_name', RECIPIENT.last_name!);
      await frame.fill('#routing_number', '011000015');
      await frame.waitForSelector('#routing_number-hint');
      await frame.fill('#account_number', '000123456789');
      await frame.fill('#account_number_confirm', '000123456789');
      await frame.check('input[name="account_type"][value="checking"]');
      await frame.fill('#address_line1', RECIPIENT.address_line1!);
      await frame.fill('#city', RECIPIENT.city!);
      await frame.selectOption('#state', RECIPIENT.state!);
      await frame.fill('#zip_code', RECIPIENT.zip_code!);
      await expectLocalizedAndUnclipped(page, frame, 'ACH account entry with the bank shown');

      await submitAccountForm(frame);
      await waitForPage(frame, 'confirmation');
      await expectLocalizedAndUnclipped(page, frame, 'ACH confirmation');

      await frame.click('section[data-page="confirmation"] .button.primary');
      await waitForPage(frame, 'success');
      await expectLocalizedAndUnclipped(page, frame, 'success');
      expect(widget.pageErrors).toEqual([]);
    } finally {
      await widget.close();
    }
  });

  it('PayPal entry, BillPay search results and the canceled page: all copy localized, nothing clipped', async () => {
    const widget = await world.mount('en-US', {
      destination: 'paypal',
      hostWidth: 375,
      beforeLoad: servePseudoLocale,
    });
    const { page, frame } = widget;
    try {
      await frame.waitForSelector('#paypal_email');
      await expectLocalizedAndUnclipped(page, frame, 'PayPal account entry');

      await frame.click('form.account-form .button.secondary >> nth=0');
      await frame.check('input[name="funding_destination"][value="billpay"]');
      await frame.click('form.destination-picker button[type="submit"]');
      await frame.locator('#biller_search').pressSequentially('co');
      await frame.waitForSelector('[role="radiogroup"] input[name="biller_id"]');
      await frame.check('[role="radiogroup"] input[name="biller_id"] >> nth=0');
      await expectLocalizedAndUnclipped(page, frame, 'BillPay search with results');

      await frame.click('form.account-form .button.cancel-link');
      // Cancel asks first (PRODUCT.md §2): the leave step is localized and unclipped too.
      await frame.waitForSelector('.leave-confirm');
      await expectLocalizedAndUnclipped(page, frame, 'leave without adding an account');
      await frame.click('.leave-confirm-button');
      await waitForPage(frame, 'canceled');
      await expectLocalizedAndUnclipped(page, frame, 'canceled');
      expect(widget.pageErrors).toEqual([]);
    } finally {
      await widget.close();
    }
  });

  it('the terminal failure page (3 failures in a mount) and the max-attempts page (5 in the session) are localized and unclipped', async () => {
    const options = {
      hostWidth: 375,
      beforeLoad: servePseudoLocale,
      idempotencyKey: `pseudo-attempts-${Date.now()}`,
    };
    const first = await world.mount('en-US', options);
    try {
      await waitForPage(first.frame, 'account_entry');
      await fillDebitForm(first.frame, SANDBOX_DEBIT_CARD, { last_name: 'Mismatch' });
      for (let attempt = 1; attempt <= 3; attempt += 1)
        await submitAndWaitForFailure(first.frame, attempt, first.eventNames);
      await waitForPage(first.frame, 'terminal_failure');
      await expectLocalizedAndUnclipped(first.page, first.frame, 'terminal failure');
    } finally {
      await first.close();
    }
    // Same key: the same session with a new URL, as after TERMINAL_FAILURE_ACKNOWLEDGED.
    const second = await world.mount('en-US', options);
    try {
      await waitForPage(second.frame, 'account_entry');
      await fillDebitForm(second.frame, SANDBOX_DEBIT_CARD, { last_name: 'Mismatch' });
      await submitAndWaitForFailure(second.frame, 1, second.eventNames);
      await submitAccountForm(second.frame);
      await waitForPage(second.frame, 'max_attempts_exceeded');
      await expectLocalizedAndUnclipped(second.page, second.frame, 'max attempts exceeded');
    } finally {
      await second.close();
    }
  });

  it('the session error page of a reused URL is localized and unclipped', async () => {
    const widget = await world.mount('en-US', { beforeLoad: servePseudoLocale });
    await widget.close();
    const standalone = await openPage(world.browser);
    try {
      await servePseudoLocale(standalone);
      await standalone.page.goto(widget.usedUrl);
      const frame = standalone.page.mainFrame();
      await waitForPage(frame, 'session_error');
      await expectLocalizedAndUnclipped(standalone.page, frame, 'session error (url_used)');
    } finally {
      await standalone.close();
    }
  });
});
