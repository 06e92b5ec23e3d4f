import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../protocol/constants';
import { REPO_ROOT } from '../../server/config';
import { spawnService, type SpawnedService } from '../../server/testing/spawnService';
import { launchBrowser, openPage } from '../harness/browser';
import { startStaticServer, type StaticServer } from '../harness/staticServer';
import { createConsumerProject, packPackages, typecheck } from './installTarballs';

/**
 * The packages as merchants get them (PRODUCT.md §9): `npm run pack`, the tarballs installed
 * into fresh projects without zod, strict TypeScript consumers compiled against them, and
 * the React binding rendered under StrictMode in real Chromium against the service.
 */

const FIXTURES = join(REPO_ROOT, 'e2e/packages/consumers');
const execFileAsync = promisify(execFile);
let web: string;
let server: string;
let commonjs: string;

beforeAll(() => {
  packPackages();
  web = createConsumerProject(
    join(FIXTURES, 'web'),
    ['js', 'react'],
    ['react', 'react-dom', '@types/react', '@types/react-dom'],
  );
  server = createConsumerProject(
    join(FIXTURES, 'server'),
    ['node', 'testing'],
    ['@types/node', 'playwright-core'],
  );
  commonjs = createConsumerProject(
    join(FIXTURES, 'commonjs'),
    ['node', 'testing'],
    ['@types/node', 'playwright-core'],
    'commonjs',
  );
}, 240_000);
afterAll(() => {
  for (const dir of [web, server, commonjs]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('installed packages, strict TypeScript consumers', () => {
  it('installs without zod or any other runtime dependency of the service', () => {
    for (const dir of [web, server]) {
      expect(existsSync(join(dir, 'node_modules/zod'))).toBe(false);
      expect(existsSync(join(dir, 'node_modules/@tokenframe'))).toBe(true);
    }
  });

  it('compiles the bundler and script-tag consumers; misspelt fields and unknown events are errors', () => {
    const result = typecheck(web);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('compiles the backend consumer under nodenext (the .d.mts declarations)', () => {
    const result = typecheck(server);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('compiles a CommonJS backend (checkJs on require(), and TypeScript emitting require) under nodenext', () => {
    const result = typecheck(commonjs);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('renders <TokenframeCapture> on the server: nothing touches window at import or render', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const require = createRequire(join(web, 'package.json'));
    const { createElement } = require('react') as typeof import('react');
    const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
    const { TokenframeCapture } = (await import(
      pathToFileURL(join(web, 'node_modules/@tokenframe/react/dist/index.js')).href
    )) as typeof import('../../packages/react/src/index');
    let fetched = 0;
    const html = renderToString(
      createElement(TokenframeCapture, {
        fundingDestination: 'debit',
        fetchAuthorizedUrl: () => String((fetched += 1)),
      }),
    );
    expect(html).toBe('<div data-tokenframe-status="idle"></div>');
    expect(fetched).toBe(0);
  });

  it('ships every locale’s widget labels in @tokenframe/testing, the same strings as the locale files', async () => {
    const installed = (await import(
      pathToFileURL(join(server, 'node_modules/@tokenframe/testing/dist/index.js')).href
    )) as typeof import('../../packages/testing/src/index');
    const source = await import('../../packages/testing/src/index');
    for (const locale of LOCALES) {
      expect(installed.widgetLabels(locale)).toEqual(source.widgetLabels(locale));
    }
    expect(installed.widgetLabels('de-DE').paypalPhone).toBe('PayPal-Mobilnummer');
  });

  it('ships declarations that import nothing, for ESM and for other resolutions', () => {
    const dist = join(web, 'node_modules/@tokenframe/js/dist');
    const dts = readFileSync(join(dist, 'tokenframe.d.ts'), 'utf8');
    expect(readFileSync(join(dist, 'tokenframe.d.mts'), 'utf8')).toBe(dts);
    expect(dts).not.toMatch(/\bimport\b|from ['"]/);
    expect(dts).toContain('declare global');
  });
});

describe('installed packages at work', () => {
  let service: SpawnedService;
  let merchant: StaticServer;
  let browser: Browser;
  let sessionCreates = 0;

  beforeAll(async () => {
    const app = await build({
      entryPoints: [join(web, 'app.tsx')],
      absWorkingDir: web,
      bundle: true,
      write: false,
      format: 'esm',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    const appJs = app.outputFiles[0]!.text;
    const nodePackage = (await import(
      pathToFileURL(join(server, 'node_modules/@tokenframe/node/dist/index.js')).href
    )) as typeof import('../../packages/node/src/index');
    let tokenframe: InstanceType<typeof nodePackage.Tokenframe> | null = null;
    merchant = await startStaticServer({
      routes: {
        '/': () => ({
          body: '<!doctype html><div id="root"></div><script type="module" src="/app.js"></script>',
        }),
        '/app.js': () => ({ type: 'text/javascript', body: appJs }),
        '/session': async () => {
          sessionCreates += 1;
          const created = await tokenframe!.sessions.create({
            participant_unique_id1: `react-${sessionCreates}-${Date.now()}`,
            host_uri: merchant.origin,
            recipient_information: testDataRecipient(),
          });
          return { type: 'application/json', body: JSON.stringify(created.data) };
        },
      },
    });
    service = await spawnService({
      env: { TOKENFRAME_EXTRA_HOSTS: merchant.origin },
      timeoutMs: 60_000,
    });
    tokenframe = new nodePackage.Tokenframe({
      baseUrl: service.url,
      username: 'demo',
      secret: 'demo-secret',
    });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await service?.kill();
    await merchant?.close();
  });

  const testDataRecipient = () => ({
    first_name: 'Jack',
    last_name: 'Frost',
    address_line1: '123 Main St',
    city: 'Atlanta',
    state: 'GA' as const,
    zip_code: '30313',
    email_address: 'jack@example.com',
  });

  it('require()s @tokenframe/node and /testing from a CommonJS project: signs, creates, completes', async () => {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      [join(commonjs, 'createAndComplete.cjs')],
      { cwd: commonjs, env: { ...process.env, TOKENFRAME_URL: service.url }, timeout: 60_000 },
    );
    // require(esm) is unflagged and silent on the Node versions in `engines`.
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      status: 100,
      token: expect.stringMatching(/^cat_/),
      listed: ['completed'],
    });
  });

  it('serves at /sdk/tokenframe.js the exact bytes of the package IIFE', async () => {
    const served = Buffer.from(
      await (await fetch(`${service.url}/sdk/tokenframe.js`)).arrayBuffer(),
    );
    const packaged = readFileSync(join(web, 'node_modules/@tokenframe/js/dist/tokenframe.js'));
    expect(served.equals(packaged)).toBe(true);
  });

  it('renders <TokenframeCapture> under StrictMode: one iframe, one session fetch, TOKEN_SUCCESS once', async () => {
    const testing = (await import(
      pathToFileURL(join(server, 'node_modules/@tokenframe/testing/dist/index.js')).href
    )) as typeof import('../../packages/testing/src/index');
    const tracked = await openPage(browser);
    try {
      const { page } = tracked;
      await page.goto(merchant.url('/'));
      await testing.completeInWidget(page, { destination: 'debit', timeoutMs: 60_000 });
      await expect
        .poll(() => page.evaluate(() => window.successes.length), { timeout: 30_000 })
        .toBe(1);
      const state = await page.evaluate(() => ({
        successes: window.successes,
        fetches: window.sessionFetches,
        iframes: document.querySelectorAll('iframe').length,
        status: document
          .querySelector('[data-tokenframe-status]')
          ?.getAttribute('data-tokenframe-status'),
      }));
      expect(state.successes[0]).toMatch(/^cat_/);
      expect(state).toMatchObject({ fetches: 1, iframes: 1, status: 'success' });
      expect(sessionCreates).toBe(1);
      expect(tracked.pageErrors).toEqual([]);
    } finally {
      await tracked.close();
    }
  });
});

declare global {
  interface Window {
    successes: string[];
    sessionFetches: number;
  }
}
