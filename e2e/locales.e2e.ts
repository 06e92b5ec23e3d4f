import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, RTL_LOCALES, type Locale } from '../protocol/constants';
import { REPO_ROOT } from '../server/config';
import { openPage } from './harness/browser';
import { axeViolations } from './i18n/axe';
import { layoutProblems } from './i18n/pageAudits';
import {
  SANDBOX_DEBIT_CARD,
  fillDebitForm,
  inDigitsOf,
  submitAccountForm,
  waitForPage,
} from './i18n/debitForm';
import { startLocaleWorld, type LocaleWorld } from './i18n/localeWorld';

/**
 * Issue 5, "in real Chromium, every page of the flow is rendered in all 28 locales": for each
 * locale a session is created with `language_locale_code`, mounted by the built SDK on a
 * merchant page of another site, and walked through account entry (empty, then with inline
 * errors), confirmation and success with the sandbox debit card, at a 320 px host width. On
 * every page: the text is the locale's own, axe finds nothing, no key is reported missing,
 * `<html lang dir>` are right; on entry and confirmation nothing overflows or is clipped and
 * no word is broken across lines; in ar-SA and fa-IR numbers stay left-to-right inside a
 * mirrored layout (and digits typed in Arabic-Indic or Persian are folded to ASCII); and no
 * other locale's chunk is downloaded.
 */

let world: LocaleWorld;

beforeAll(async () => {
  world = await startLocaleWorld();
});

afterAll(async () => {
  await world?.close();
});

/** The locale file's string at a dotted key path. */
function localeString(locale: Locale, path: string): string {
  const messages = JSON.parse(
    readFileSync(join(REPO_ROOT, 'locales', `${locale}.json`), 'utf8'),
  ) as Record<string, unknown>;
  const value = path
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
  if (typeof value !== 'string') throw new Error(`${locale}.json has no string at ${path}`);
  return value;
}

/** Computed `direction` of the first element matching `selector`. */
function directionOf(frame: Frame, selector: string): Promise<string> {
  return frame.$eval(selector, (element) => getComputedStyle(element).direction);
}

/**
 * Which side of the heading its text hugs: `start-right` when the text sits against the
 * right edge (a mirrored, right-to-left layout), `start-left` otherwise.
 */
function headingTextSide(frame: Frame): Promise<'start-left' | 'start-right'> {
  return frame.$eval('h1.page-heading', (heading) => {
    const range = document.createRange();
    range.selectNodeContents(heading);
    const text = range.getBoundingClientRect();
    const box = heading.getBoundingClientRect();
    return Math.abs(box.right - text.right) < Math.abs(text.left - box.left)
      ? 'start-right'
      : 'start-left';
  });
}

/** Digits a recipient of this locale may type: Arabic-Indic in ar-SA, Persian in fa-IR. */
function typedCardNumber(locale: Locale): string {
  if (locale === 'ar-SA') return inDigitsOf(0x0660, SANDBOX_DEBIT_CARD);
  if (locale === 'fa-IR') return inDigitsOf(0x06f0, SANDBOX_DEBIT_CARD);
  return SANDBOX_DEBIT_CARD;
}

describe('every locale in real Chromium', () => {
  it.each(LOCALES)(
    '%s: account entry, inline errors, confirmation and success are translated, axe-clean, without missing keys, with the right lang and direction; only its chunk is downloaded',
    async (locale) => {
      const rtl = RTL_LOCALES.includes(locale);
      // 320 px: the narrowest phone width, where long translations wrap or overflow first.
      const widget = await world.mount(locale, { hostWidth: 320 });
      const { frame } = widget;
      try {
        await waitForPage(frame, 'account_entry');
        const root = await frame.evaluate(() => ({
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
        }));
        expect(root).toEqual({ lang: locale, dir: rtl ? 'rtl' : 'ltr' });
        expect((await frame.textContent('h1.page-heading'))?.trim()).toBe(
          localeString(locale, 'account_entry.heading_debit'),
        );
        expect(await headingTextSide(frame)).toBe(rtl ? 'start-right' : 'start-left');
        expect(await directionOf(frame, 'form.account-form')).toBe(rtl ? 'rtl' : 'ltr');
        // Numbers read left to right in every locale, right-to-left pages included.
        for (const field of ['#card_number', '#expiration', '#zip_code'])
          expect(await directionOf(frame, field), field).toBe('ltr');

        await submitAccountForm(frame);
        await frame.waitForSelector('.error-summary');
        expect(await frame.$$eval('.field-error', (errors) => errors.length)).toBeGreaterThan(0);
        expect(await axeViolations(frame), 'axe on account entry with errors').toEqual([]);
        expect(await layoutProblems(frame), 'layout of account entry with errors').toEqual([]);

        await fillDebitForm(frame, typedCardNumber(locale));
        // Arabic-Indic and Persian digits are folded to ASCII as typed.
        expect(await frame.inputValue('#card_number')).toBe('4000 0566 5566 5556');
        await submitAccountForm(frame);
        await waitForPage(frame, 'confirmation');
        expect((await frame.textContent('h1.page-heading'))?.trim()).toBe(
          localeString(locale, 'confirmation.heading'),
        );
        expect(await frame.textContent('.masked-account bdi')).toBe('•••• 5556');
        expect(await directionOf(frame, '.masked-account bdi')).toBe('ltr');
        expect(await axeViolations(frame), 'axe on confirmation').toEqual([]);
        expect(await layoutProblems(frame), 'layout of confirmation').toEqual([]);

        await frame.click('section[data-page="confirmation"] .button.primary');
        await waitForPage(frame, 'success');
        expect((await frame.textContent('h1.page-heading'))?.trim()).toBe(
          localeString(locale, 'success.heading'),
        );
        expect(await axeViolations(frame), 'axe on success').toEqual([]);
        expect(await widget.eventNames()).toContain('tokenframe.token_success');
        expect(widget.missingKeyWarnings(), 'i18n missing-key warnings').toEqual([]);
        expect(widget.pageErrors).toEqual([]);
        // Only the active locale is downloaded (PRODUCT.md §6): en-US too only when active.
        // Once: the document's modulepreload of the session's chunk is what the import reuses.
        expect(widget.localeChunksRequested).toEqual([locale]);
        // The boot set holds the account form's chunk only; the pages after it (and their styles)
        // download after READY, and the map of every locale's chunk only on a language change.
        expect(widget.pageChunksDuringBoot).toEqual(['flowPages.js']);
        expect([...widget.pageChunksRequested].sort()).toEqual([
          'flowPages.js',
          'laterPages.css',
          'laterPages.js',
        ]);
        const preloadLinks = await frame.$$eval('link[rel="modulepreload"]', (links) =>
          links.map((link) => link.getAttribute('href') ?? ''),
        );
        // The service's links (document-relative) name what READY needs; Vite's preload helper
        // adds absolute ones when the chunk after READY is imported: that chunk and the entry
        // it imports (already loaded, so a cache hit).
        expect(preloadLinks.filter((href) => href.startsWith('/'))).toEqual([
          expect.stringMatching(/\/widget\/assets\/page-flowPages-[^/]+\.js$/),
          expect.stringMatching(new RegExp(`/widget/assets/locale-${locale}-[^/]+\\.js$`)),
        ]);
        expect(preloadLinks.filter((href) => !href.startsWith('/')).sort()).toEqual([
          expect.stringMatching(/\/widget\/assets\/page-laterPages-[^/]+\.js$/),
          expect.stringMatching(/\/widget\/assets\/widget-[^/]+\.js$/),
        ]);
      } finally {
        await widget.close();
      }
    },
  );

  it("a reused URL shows the session error page in the session's language, axe-clean", async () => {
    const widget = await world.mount('de-DE');
    await widget.close();
    const standalone = await openPage(world.browser);
    try {
      await standalone.page.goto(widget.usedUrl);
      const frame = standalone.page.mainFrame();
      await waitForPage(frame, 'session_error');
      expect((await frame.textContent('h1.page-heading'))?.trim()).toBe(
        localeString('de-DE', 'session_error.url_used.heading'),
      );
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe('de-DE');
      expect(await axeViolations(frame), 'axe on session error').toEqual([]);
      expect(
        standalone.consoleMessages.filter((line) => /missing (translation|key)/i.test(line)),
      ).toEqual([]);
    } finally {
      await standalone.close();
    }
  });
});

describe("lists in the language's own CLDR pattern", () => {
  // The widget joins lists with its locale file's patterns, not Intl.ListFormat (which
  // Chromium lacks for Hmong and Khmer, and whose first use costs a phone tens of ms).
  it.each(['hmn-Latn', 'fa-IR'] as const)(
    '%s: the mismatched fields are listed with the locale file\'s separator and "and"',
    async (locale) => {
      const widget = await world.mount(locale);
      const { frame } = widget;
      try {
        await waitForPage(frame, 'account_entry');
        await fillDebitForm(frame, SANDBOX_DEBIT_CARD, {
          last_name: 'Mismatch',
          address_line1: '1 Elsewhere Road',
          city: 'Elsewhere',
        });
        await submitAccountForm(frame);
        const notice = frame.locator('.failure-notice');
        await notice.waitFor({ timeout: 15_000 });
        const label = (field: string) => localeString(locale, `fields.${field}.label`);
        const fields = localeString(locale, 'common.list_and_last')
          .replace(
            '{{first}}',
            [label('last_name'), label('address_line1')].join(
              localeString(locale, 'common.list_separator'),
            ),
          )
          .replace('{{last}}', label('city'));
        const text = await notice.innerText();
        expect(text).toContain(fields);
        expect(text).not.toContain(', and');
        expect(widget.missingKeyWarnings()).toEqual([]);
      } finally {
        await widget.close();
      }
    },
  );
});

describe('the language select', () => {
  it("is as wide as the chosen language's name, not as the widest of the 28", async () => {
    const widget = await world.mount('fi-FI'); // "Suomi": far from the widest name
    const { frame } = widget;
    try {
      await waitForPage(frame, 'account_entry');
      const widths = await frame.evaluate(() => {
        const select = document.querySelector<HTMLSelectElement>('#tf-language')!;
        // The same select sized the classic way, by its widest option.
        const classic = select.cloneNode(true) as HTMLSelectElement;
        classic.style.setProperty('field-sizing', 'fixed');
        select.after(classic);
        const result = { fitted: select.offsetWidth, classic: classic.offsetWidth };
        classic.remove();
        return result;
      });
      expect(widths.fitted).toBeGreaterThan(0);
      expect(widths.fitted).toBeLessThan(widths.classic);
    } finally {
      await widget.close();
    }
  });
});
