import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_RVDM_RULES } from '../server/domain/programs/program';
import { REPO_ROOT } from '../server/config';
import { spawnService, type SpawnedService } from '../server/testing/spawnService';
import { SignedClient, sampleSessionRequest } from '../server/testing/signedClient';
import { launchBrowser, openPage, waitUntil } from './harness/browser';
import { startStaticServer, type StaticServer } from './harness/staticServer';
import { merchantPageRoutes, requireWidgetBuild } from './harness/merchantPage';

/**
 * The card-testing defence as a recipient meets it (PRODUCT.md §2, §10): the service runs as a
 * process with a program whose `widget_call_limits` allow one /account or /confirm call per
 * mount, so the Confirm after a verified account is refused with 429 and `Retry-After`. The
 * widget must show its localized message next to the action (role=alert), crash nothing,
 * and send nothing more before Retry-After. Set TOKENFRAME_SCREENSHOT_DIR to keep a PNG of
 * each combination.
 */

const RECIPIENT = sampleSessionRequest().recipient_information as Record<string, string>;
const PROGRAM = { username: 'limits', secret: 'limits-secret' };
const SCREENSHOTS = process.env.TOKENFRAME_SCREENSHOT_DIR;

let browser: Browser;
let service: SpawnedService;
let host: StaticServer;
let client: SignedClient;
let configDir: string;
let keyCounter = 0;

const HOST_SCRIPT = `
(async () => {
  const query = new URLSearchParams(location.search);
  const create = async () =>
    (await fetch('/create-session?' + query, { method: 'POST' })).json();
  const plugin = Tokenframe.create('#capture', { fetchAuthorizedUrl: create, autoHeight: true });
  await plugin.mount((await create()).authorized_url, 'debit');
})();`;

/** The widget's words in one locale (the strings a recipient reads and the test looks for). */
function wordsOf(locale: string) {
  const messages = JSON.parse(readFileSync(join(REPO_ROOT, `locales/${locale}.json`), 'utf8'));
  const at = (path: string): string =>
    path.split('.').reduce((node, key) => node[key], messages) as unknown as string;
  return {
    firstName: at('fields.first_name.label'),
    lastName: at('fields.last_name.label'),
    cardNumber: at('fields.card_number.label'),
    expiration: at('fields.expiration.label'),
    addressLine1: at('fields.address_line1.label'),
    city: at('fields.city.label'),
    state: at('fields.state.label'),
    zipCode: at('fields.zip_code.label'),
    continue: at('account_entry.submit'),
    confirm: at('confirmation.confirm'),
    confirmationHeading: at('confirmation.heading'),
    retry: at('action_error.retry'),
    rateLimited: at('status.rate_limited'),
  };
}

beforeAll(async () => {
  requireWidgetBuild();
  host = await startStaticServer({
    hostname: '127.0.0.1',
    routes: {
      ...merchantPageRoutes(HOST_SCRIPT),
      '/create-session': async (request) => {
        const query = request.url.searchParams;
        const created = await client.createSession<{ data: { authorized_url: string } }>(
          sampleSessionRequest({
            host_uri: host.origin,
            participant_unique_id1: `limits-${query.get('key')}`,
            language_locale_code: query.get('locale') ?? 'en-US',
            theme_variant: query.get('theme') === 'dark' ? 'dark' : 'light',
          }),
          query.get('key') ?? undefined,
        );
        return { type: 'application/json', body: JSON.stringify(created.body.data) };
      },
    },
  });
  configDir = mkdtempSync(join(tmpdir(), 'tokenframe-call-limits-'));
  const configPath = join(configDir, 'config.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      programs: [
        {
          ...PROGRAM,
          hosts: [host.origin],
          rvdm: SANDBOX_RVDM_RULES,
          // One counted call per mount: the account goes through, its Confirm is refused.
          widget_call_limits: {
            per_mount: { calls: 1, window_seconds: 600 },
            per_session: { calls: 1000, window_seconds: 600 },
            per_client_ip: { calls: 1000, window_seconds: 600 },
          },
        },
      ],
    }),
  );
  service = await spawnService({ env: { TOKENFRAME_CONFIG: configPath } });
  client = new SignedClient({ baseUrl: service.url, ...PROGRAM });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await service?.kill();
  await host?.close();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

interface Combo {
  locale: 'en-US' | 'ar-SA';
  width: number;
  theme: 'light' | 'dark';
}
const COMBOS: Combo[] = [
  { locale: 'en-US', width: 1280, theme: 'light' },
  { locale: 'ar-SA', width: 375, theme: 'dark' },
  ...(SCREENSHOTS
    ? [
        { locale: 'ar-SA', width: 1280, theme: 'light' } as const,
        { locale: 'ar-SA', width: 375, theme: 'light' } as const,
        { locale: 'ar-SA', width: 1280, theme: 'dark' } as const,
        { locale: 'en-US', width: 375, theme: 'dark' } as const,
      ]
    : []),
];

describe('widget call limits in real Chromium', () => {
  it.each(COMBOS)(
    '$locale $width px $theme: a Confirm past the mount limit shows the localized 429 message and sends nothing more before Retry-After',
    async ({ locale, width, theme }) => {
      const words = wordsOf(locale);
      const tracked = await openPage(browser);
      const { page } = tracked;
      const counted: string[] = [];
      const answers: { url: string; status: number; retryAfter: string | null }[] = [];
      page.on('request', (request: Request) => {
        if (/\/api\/widget\/v1\/(account|confirm)$/.test(request.url()))
          counted.push(request.url());
      });
      page.on('response', (response) => {
        if (/\/api\/widget\/v1\/(account|confirm)$/.test(response.url()))
          answers.push({
            url: response.url(),
            status: response.status(),
            retryAfter: response.headers()['retry-after'] ?? null,
          });
      });
      try {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: theme });
        const query = new URLSearchParams({
          key: `call-limits-${Date.now()}-${(keyCounter += 1)}`,
          locale,
          theme,
        });
        await page.goto(host.url(`/host.html?${query}`));
        const widget = page.frameLocator('#capture iframe');
        await widget.getByLabel(words.firstName, { exact: true }).fill(RECIPIENT.first_name!);
        await widget.getByLabel(words.lastName, { exact: true }).fill(RECIPIENT.last_name!);
        await widget
          .getByLabel(words.cardNumber, { exact: true })
          .pressSequentially('4000056655665556');
        await widget.getByLabel(words.expiration, { exact: true }).pressSequentially('1230');
        await widget.getByLabel(words.addressLine1, { exact: true }).fill(RECIPIENT.address_line1!);
        await widget.getByLabel(words.city, { exact: true }).fill(RECIPIENT.city!);
        await widget.getByLabel(words.state, { exact: true }).selectOption(RECIPIENT.state!);
        await widget.getByLabel(words.zipCode, { exact: true }).fill(RECIPIENT.zip_code!);
        await widget.getByRole('button', { name: words.continue, exact: true }).click();
        await widget.getByRole('heading', { name: words.confirmationHeading }).waitFor();

        await widget.getByRole('button', { name: words.confirm, exact: true }).click();
        const alert = widget.getByRole('alert').filter({ hasText: words.rateLimited });
        await alert.waitFor();
        const refused = await waitUntil('the 429 answer', () =>
          answers.find((answer) => answer.status === 429),
        );
        expect(refused.url).toMatch(/\/confirm$/);
        expect(Number(refused.retryAfter)).toBeGreaterThan(0);
        expect(await alert.isVisible()).toBe(true);
        const frame = page.frames().find((f) => f.url().includes('/session/'))!;
        expect(await frame.evaluate(() => document.documentElement.dir)).toBe(
          locale === 'ar-SA' ? 'rtl' : 'ltr',
        );
        // autoHeight grows the frame to the message: every action stays on screen.
        await waitUntil(
          'the frame to fit the message and the actions',
          async () => {
            const content = await frame.evaluate(() => document.documentElement.scrollHeight);
            const box = await page.locator('#capture iframe').boundingBox();
            return box !== null && box.height >= content;
          },
          30_000,
        );
        if (SCREENSHOTS) {
          mkdirSync(SCREENSHOTS, { recursive: true });
          await page.screenshot({
            path: join(SCREENSHOTS, `call-limit-${locale}-${width}-${theme}.png`),
            fullPage: true,
          });
        }

        // Retry and Confirm again before Retry-After: nothing is sent, the message stays.
        const sent = counted.length;
        await widget.getByRole('button', { name: words.retry, exact: true }).click();
        await widget.getByRole('button', { name: words.confirm, exact: true }).click();
        await expect
          .poll(() => frame.evaluate(() => document.activeElement?.getAttribute('role')), {
            timeout: 15_000,
          })
          .toBe('alert');
        expect(counted.length).toBe(sent);
        expect(await alert.isVisible()).toBe(true);
        expect(answers.map((answer) => answer.status)).toEqual([200, 429]);
        expect(tracked.pageErrors).toEqual([]);
      } finally {
        await tracked.close();
      }
    },
    120_000,
  );
});
