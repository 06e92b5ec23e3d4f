import { spawn, type ChildProcess, execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/testing/freePort';
import { spawnService, type SpawnedService } from '../../server/testing/spawnService';
import { launchBrowser, openPage, waitUntil } from '../harness/browser';
import { createConsumerProject, packPackages } from './installTarballs';
import { readmeBlocks } from './readmeBlocks';

/**
 * The README's integration guide, run as a merchant would run it (PRODUCT.md §9): its titled
 * code blocks are written to a fresh project with the packed packages installed, the server
 * block is started as a process against the service, each page block completes a sandbox flow
 * in Chromium, and the CI block runs under `node --test`. Only the two origins change: the
 * guide's `http://localhost:8080` (service) and `http://localhost:4000` (merchant page).
 */

const WEBHOOK_SECRET = 'whsec-readme-0123456789';
const HANDLED = [
  'server.mjs',
  'public/index.html',
  'checkout.js',
  'Checkout.jsx',
  'checkout.test.mjs',
  'tokenframe.json',
];

let project: string;
let service: SpawnedService;
let merchantOrigin: string;
let merchant: ChildProcess;
let merchantOutput = '';
let browser: Browser;

beforeAll(async () => {
  packPackages();
  project = createConsumerProject(null, ['js', 'node', 'testing', 'react'], ['react', 'react-dom']);
  const port = await freePort();
  merchantOrigin = `http://localhost:${port}`;
  service = await spawnService({
    env: {
      TOKENFRAME_EXTRA_HOSTS: merchantOrigin,
      TOKENFRAME_WEBHOOK_URL: `${merchantOrigin}/tokenframe/webhooks`,
      TOKENFRAME_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
    timeoutMs: 60_000,
  });
  for (const block of readmeBlocks()) {
    const code = block.code
      .replaceAll('http://localhost:8080', service.url)
      .replaceAll('http://localhost:4000', merchantOrigin);
    mkdirSync(dirname(join(project, block.title)), { recursive: true });
    writeFileSync(join(project, block.title), code);
  }
  const bundle = async (entry: string, out: string) => {
    await build({
      entryPoints: [join(project, entry)],
      outfile: join(project, 'public', out),
      absWorkingDir: project,
      bundle: true,
      format: 'esm',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
  };
  // The bundler and React paths: the merchant's own build step and page shell.
  await bundle('checkout.js', 'checkout.bundle.js');
  writeFileSync(
    join(project, 'react-entry.jsx'),
    "import { createRoot } from 'react-dom/client';\nimport { Checkout } from './Checkout.jsx';\ncreateRoot(document.getElementById('root')).render(<Checkout />);\n",
  );
  await bundle('react-entry.jsx', 'react.bundle.js');
  writeFileSync(
    join(project, 'public/bundler.html'),
    '<!doctype html><div id="capture"></div><script type="module" src="/checkout.bundle.js"></script>',
  );
  writeFileSync(
    join(project, 'public/react.html'),
    '<!doctype html><div id="root"></div><script type="module" src="/react.bundle.js"></script>',
  );
  merchant = spawn(process.execPath, ['server.mjs'], {
    cwd: project,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      TOKENFRAME_URL: service.url,
      TOKENFRAME_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  merchant.stdout!.on('data', (chunk: Buffer) => (merchantOutput += chunk.toString()));
  merchant.stderr!.on('data', (chunk: Buffer) => (merchantOutput += chunk.toString()));
  await waitUntil(
    'the README server to listen',
    () =>
      fetch(merchantOrigin).then(
        (response) => response.ok,
        () => false,
      ),
    30_000,
  );
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  merchant?.kill();
  await service?.kill();
  if (project) rmSync(project, { recursive: true, force: true });
});

const savedTokens = () => [...merchantOutput.matchAll(/^saved (cat_\S+)$/gm)].map((m) => m[1]);

describe('README integration guide, run verbatim', () => {
  it('has exactly the titled blocks this test runs', () => {
    expect(readmeBlocks().map((block) => block.title)).toEqual(HANDLED);
  });

  for (const [path, what] of [
    ['/', 'script-tag page'],
    ['/bundler.html', 'bundler page'],
    ['/react.html', 'React component'],
  ] as const) {
    it(`the ${what} and server.mjs take a sandbox debit card to a saved token`, async () => {
      const testing = (await import(
        pathToFileURL(join(project, 'node_modules/@tokenframe/testing/dist/index.js')).href
      )) as typeof import('../../packages/testing/src/index');
      const before = savedTokens().length;
      const tracked = await openPage(browser);
      try {
        await tracked.page.goto(`${merchantOrigin}${path}`);
        await testing.completeInWidget(tracked.page, { destination: 'debit', timeoutMs: 60_000 });
        await waitUntil('the token to be saved', () => savedTokens().length === before + 1, 30_000);
        if (path === '/') {
          await expect
            .poll(() => tracked.page.textContent('#status'), { timeout: 15_000 })
            .toBe('Added •••• 5556');
        }
        expect(tracked.pageErrors).toEqual([]);
      } finally {
        await tracked.close();
      }
    });
  }

  it('server.mjs verifies the webhooks of those flows with constructEvent', async () => {
    await waitUntil(
      'token_success webhooks for every flow',
      () => [...merchantOutput.matchAll(/^webhook tokenframe\.token_success /gm)].length >= 3,
      60_000,
    );
    expect(merchantOutput).toMatch(/^webhook session\.created /m);
  });

  it('checkout.test.mjs passes under node --test against the service', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--test', 'checkout.test.mjs'],
      {
        cwd: project,
        env: { PATH: process.env.PATH, TOKENFRAME_URL: service.url },
      },
    );
    expect(stdout).toMatch(/# pass 1/);
  });

  it('tokenframe.json starts a service whose program signs, allowlists and creates sessions', async () => {
    const configured = await spawnService({
      env: { TOKENFRAME_CONFIG: join(project, 'tokenframe.json') },
      timeoutMs: 60_000,
    });
    try {
      const { Tokenframe } = (await import(
        pathToFileURL(join(project, 'node_modules/@tokenframe/node/dist/index.js')).href
      )) as typeof import('../../packages/node/src/index');
      const acme = new Tokenframe({
        baseUrl: configured.url,
        username: 'acme',
        secret: 'a-long-random-secret',
      });
      const params = {
        participant_unique_id1: 'config-check',
        host_uri: 'https://pay.acme.example',
        recipient_information: {
          first_name: 'Jack',
          last_name: 'Frost',
          address_line1: '123 Main St',
          city: 'Atlanta',
          state: 'GA' as const,
          zip_code: '30313',
        },
      };
      expect((await acme.sessions.create(params)).status).toBe(100);
      // The sandbox program is off in that file, and other origins are not allowlisted.
      await expect(
        acme.sessions.create({ ...params, host_uri: 'https://elsewhere.example' }),
      ).rejects.toMatchObject({ status: 13403 });
      await expect(
        new Tokenframe({
          baseUrl: configured.url,
          username: 'demo',
          secret: 'demo-secret',
        }).sessions.create(params),
      ).rejects.toMatchObject({ status: 13401 });
    } finally {
      await configured.kill();
    }
  });

  it('/sdk/integrity.json gives absolute URLs whose bytes match their SRI hashes', async () => {
    const integrity = (await (await fetch(`${service.url}/sdk/integrity.json`)).json()) as Record<
      string,
      { url: string; integrity: string }
    >;
    for (const entry of Object.values(integrity)) {
      expect(entry.url.startsWith(`${service.url}/sdk/`)).toBe(true);
      const bytes = Buffer.from(await (await fetch(entry.url)).arrayBuffer());
      expect(`sha384-${createHash('sha384').update(bytes).digest('base64')}`).toBe(entry.integrity);
    }
  });
});
