import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort } from '../../server/testing/freePort';
import { launchChromium } from '../harness/browser';
import { startStaticServer, type StaticServer } from '../harness/staticServer';

/** A service process started from some checkout's `server/main.ts` and `dist/`. */
export interface BenchService {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the service of the checkout at `root` (this one, or a baseline copy with its own
 * build) on a free port, allowing `hostOrigin`. Spawned like `npm run service` minus the build:
 * the bundled `dist/server/main.js`; a checkout from before that bundle existed runs its
 * `server/main.ts` through tsx.
 */
export async function startBenchService(root: string, hostOrigin: string): Promise<BenchService> {
  for (const built of ['dist/sdk/tokenframe.js', 'dist/widget/index.html'])
    if (!existsSync(join(root, built))) throw new Error(`${root}/${built} missing: build it first`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tokenframe-bench-'));
  const bundled = join(root, 'dist/server/main.js');
  const entry = existsSync(bundled) ? [bundled] : ['--import', 'tsx', join(root, 'server/main.ts')];
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'warn',
      PORT: String(port),
      TOKENFRAME_DATA_DIR: dataDir,
      TOKENFRAME_EXTRA_HOSTS: hostOrigin,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Tokenframe service listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`service exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://localhost:${port}`,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The merchant page: loads the SDK from the service by script tag, as integrators do, and
 * exposes two timers run in the same page: `timeMount` (mount() → READY, with both moments on
 * the wall clock) and `timeBare` (a plain iframe of a small static file from the same
 * service, inserted → load).
 */
const HOST_PAGE = (serviceUrl: string) => `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>Merchant</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0} iframe{border:0;width:100%}</style>
<script src="${serviceUrl}/sdk/tokenframe.js"></script></head>
<body><main><div id="capture"></div><div id="bare"></div></main>
<script>
window.timeMount = async (url) => {
  const plugin = Tokenframe.create('#capture', { title: 'Add your payout account', autoHeight: true });
  const started = performance.now();
  await plugin.mount(url, 'debit');
  const ready = performance.now();
  plugin.destroy();
  // Wall-clock ms too, the clock the benchmark puts the mount's network events on.
  return { elapsed: ready - started, startedAt: performance.timeOrigin + started, readyAt: performance.timeOrigin + ready };
};
window.timeBare = (src) => new Promise((resolve, reject) => {
  const frame = document.createElement('iframe');
  const started = performance.now();
  frame.onload = () => { resolve(performance.now() - started); frame.remove(); };
  frame.onerror = reject;
  frame.src = src;
  document.getElementById('bare').appendChild(frame);
});
</script></body></html>`;

/** The merchant host on another site (127.0.0.1 vs the service's localhost). */
export function startBenchHost(serviceUrl: () => string): Promise<StaticServer> {
  return startStaticServer({
    hostname: '127.0.0.1',
    routes: { '/host.html': () => ({ body: HOST_PAGE(serviceUrl()) }) },
  });
}

/**
 * Headless Chromium without strict site isolation: the widget frame then shares the page's
 * renderer, as cross-site frames do on most Android phones (Chrome isolates only sites with
 * logins there), and the page's CPU and network emulation covers the frame too.
 */
export function launchBenchBrowser(): Promise<Browser> {
  return launchChromium({
    extraArgs: [
      '--disable-site-isolation-trials',
      '--disable-features=IsolateOrigins,site-per-process',
    ],
  });
}
