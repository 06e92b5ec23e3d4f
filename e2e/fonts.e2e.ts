import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, RTL_LOCALES, type Locale } from '../protocol/constants';
import { REPO_ROOT } from '../server/config';
import { launchBrowser, prepareChromium } from './harness/browser';

/**
 * Every string of every locale is drawn with the npm Noto fonts, never missing ones: on a
 * machine without a single system font (what `.ci/run` checks in a namespace where the system
 * fonts are hidden), Arabic, Persian, Khmer and CJK text is shaped by the Noto family made
 * for its script, with the widget's own font stack. On Linux only: elsewhere Chromium does
 * not read fontconfig and uses the system's fonts.
 */

/**
 * The family that draws each locale's own script; Noto Sans draws Latin, Cyrillic and
 * Vietnamese (and the digits and placeholders everywhere). The CJK subsets name their family
 * after the variable font's default instance, "Thin"; the weight still follows the CSS.
 */
const SCRIPT_FAMILY: Partial<Record<Locale, string>> = {
  'ar-SA': 'Noto Sans Arabic',
  'fa-IR': 'Noto Sans Arabic',
  'km-KH': 'Noto Sans Khmer',
  // Han characters in the regional form of the locale.
  'zh-CN': 'Noto Sans SC Thin',
  'zh-Hans': 'Noto Sans SC Thin',
  'zh-TW': 'Noto Sans TC Thin',
  'ja-JP': 'Noto Sans JP Thin',
  'ko-KR': 'Noto Sans KR Thin',
};

/** The widget's `--tf-font-family`, read from its stylesheet so the two cannot drift. */
const WIDGET_FONT_STACK = /--tf-font-family:\s*([^;]+);/.exec(
  readFileSync(join(REPO_ROOT, 'widget/styles.css'), 'utf8'),
)![1]!;

/** Every string value of a locale file, in order. */
function localeStrings(locale: Locale): string[] {
  const walk = (node: unknown): string[] =>
    typeof node === 'string'
      ? [node]
      : node && typeof node === 'object'
        ? Object.values(node).flatMap(walk)
        : [];
  return walk(JSON.parse(readFileSync(join(REPO_ROOT, 'locales', `${locale}.json`), 'utf8')));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.runIf(process.platform === 'linux')('the npm Noto fonts', () => {
  it('are the only fonts Chromium sees', async () => {
    const { fonts } = await prepareChromium();
    expect(fonts?.fontFiles).toBeGreaterThan(400);
    expect(readFileSync(fonts!.fontconfigFile, 'utf8')).not.toMatch(/\/usr\/|\/etc\/fonts|~/);
  });

  it.each(LOCALES)(
    '%s: every string, regular and semibold, is drawn by Noto Sans and the Noto family of its script only',
    async (locale) => {
      const page = await browser.newPage();
      try {
        const dir = RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
        await page.setContent(
          `<!doctype html><html lang="${locale}" dir="${dir}"><meta charset="utf-8">` +
            `<body style="font-family: ${WIDGET_FONT_STACK}"><p id="text">` +
            escapeHtml(localeStrings(locale).join(' · ')) +
            `</p><p id="bold" style="font-weight: 600">` +
            escapeHtml(localeStrings(locale).slice(0, 20).join(' · ')) +
            `</p></body></html>`,
        );
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument');
        for (const selector of ['#text', '#bold']) {
          const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
          const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
          const glyphsByFamily = Object.fromEntries(
            fonts.map((font) => [font.familyName, font.glyphCount]),
          );
          const scriptFamily = SCRIPT_FAMILY[locale];
          // Only Noto Sans and the script's family draw: no other region's Han forms, no
          // fallback to a font that lacks the glyphs.
          expect(Object.keys(glyphsByFamily).sort(), selector).toEqual(
            ['Noto Sans', scriptFamily].filter((family) => family !== undefined).sort(),
          );
          expect(glyphsByFamily['Noto Sans'], selector).toBeGreaterThan(0);
          if (scriptFamily) expect(glyphsByFamily[scriptFamily], selector).toBeGreaterThan(0);
        }
      } finally {
        await page.close();
      }
    },
  );
});
