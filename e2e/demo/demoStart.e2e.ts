import { existsSync, readdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../demo/server/scenarios';
import { launchBrowser } from '../harness/browser';
import { startDemoProcess, type DemoProcess } from './demoProcess';
import { startScenario } from './demoPageDriver';

/**
 * `npm start` as a new user runs it (after the build): `tsx demo/start.ts` from an empty data
 * folder, on free ports given by PORT and DEMO_PORT.
 */

let demo: DemoProcess | undefined;

afterAll(async () => {
  await demo?.stop('SIGKILL');
});

const portAnswers = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = createConnection({
      host: hostname === 'localhost' ? '127.0.0.1' : hostname,
      port: Number(port),
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('npm start (demo/start.ts)', () => {
  it('starts from an empty data folder, prints one ready line, serves a page that mounts, and stops cleanly on SIGTERM', async () => {
    demo = await startDemoProcess();
    expect(existsSync(demo.dataDir) && readdirSync(demo.dataDir).length).toBeGreaterThan(0);
    const readyLines = demo
      .logs()
      .split('\n')
      .filter((line) => line.startsWith('Tokenframe demo: open'));
    expect(readyLines).toEqual([
      `Tokenframe demo: open ${demo.demoUrl} (service on ${demo.serviceUrl})`,
    ]);

    const browser = await launchBrowser();
    try {
      const page = await startScenario(browser, demo.demoUrl, SCENARIOS[0]!);
      await page.widget.locator('section[data-page="account_entry"]').waitFor();
      await page.close();
    } finally {
      await browser.close();
    }

    const { demoUrl, serviceUrl } = demo;
    const code = await demo.stop('SIGTERM');
    demo = undefined;
    expect(code).toBe(0);
    expect(await portAnswers(demoUrl)).toBe(false);
    expect(await portAnswers(serviceUrl)).toBe(false);
  });
});
