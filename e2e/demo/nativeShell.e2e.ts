import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoProcess, type DemoProcess } from './demoProcess';

/**
 * `HEADLESS=1 npx tsx demo/webview/nativeShell.ts`, the stand-in native app, run as QA runs
 * it beside `npm start` on non-default ports, given only the same PORT and DEMO_PORT.
 */

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
let demo: DemoProcess;

beforeAll(async () => {
  demo = await startDemoProcess();
});

afterAll(async () => {
  await demo?.stop();
});

/** Runs the shell to its exit; resolves with its exit code and everything it printed. */
function runShell(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(REPO_ROOT, 'demo', 'webview', 'nativeShell.ts'),
      ],
      {
        cwd: REPO_ROOT,
        // Only what a tester would set: none of DEMO_URL / SERVICE_URL.
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          ...(process.env.TOKENFRAME_CHROMIUM
            ? { TOKENFRAME_CHROMIUM: process.env.TOKENFRAME_CHROMIUM }
            : {}),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nativeShell still running after 200 s:\n${output}`));
    }, 200_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, output });
    });
  });
}

const portOf = (url: string) => new URL(url).port;

describe('stand-in native app (demo/webview/nativeShell.ts)', () => {
  it('HEADLESS=1 on non-default ports plays debit-happy to TOKEN_SUCCESS through the iOS bridge, prints the events and exits 0', async () => {
    expect(portOf(demo.demoUrl)).not.toBe('3000');
    expect(portOf(demo.serviceUrl)).not.toBe('8080');
    const { code, output } = await runShell({
      HEADLESS: '1',
      PORT: portOf(demo.serviceUrl),
      DEMO_PORT: portOf(demo.demoUrl),
    });
    expect(output).toMatch(/\[native webkit\] tokenframe\.ready /);
    expect(output).toMatch(/\[native webkit\] tokenframe\.token_success /);
    expect(output).toContain(
      'Scenario debit-happy ended: tokenframe.token_success, redirected to /webview-result.html?outcome=success',
    );
    expect(output).toMatch(
      /Events received by the webkit bridge \(\d+\): .*tokenframe\.token_success/,
    );
    expect(output).not.toContain('4000056655665556');
    expect(code).toBe(0);
  });

  it('HEADLESS=1 SCENARIO=account-700 BRIDGE=android ends on the announced verification failure', async () => {
    const { code, output } = await runShell({
      HEADLESS: '1',
      SCENARIO: 'account-700',
      BRIDGE: 'android',
      PORT: portOf(demo.serviceUrl),
      DEMO_PORT: portOf(demo.demoUrl),
    });
    expect(output).toMatch(
      /\[native android\] tokenframe\.account_could_not_be_verified .*"code":"700"/,
    );
    expect(output).toContain(
      'Scenario account-700 ended: tokenframe.account_could_not_be_verified',
    );
    expect(code).toBe(0);
  });

  it('names the allowed values when SCENARIO cannot run standalone', async () => {
    const { code, output } = await runShell({
      HEADLESS: '1',
      SCENARIO: 'expired-url',
      PORT: portOf(demo.serviceUrl),
      DEMO_PORT: portOf(demo.demoUrl),
    });
    expect(output).toMatch(/SCENARIO must be one of debit-happy, .*got "expired-url"/);
    expect(code).toBe(2);
  });
});
