import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config';
import { freePort } from '../../server/testing/freePort';
import { sampleSessionRequest, SignedClient } from '../../server/testing/signedClient';
import { exchangeAuthorizedUrl } from '../../server/testing/exchangeAuthorizedUrl';

/**
 * The README's production recipe, followed as an operator would (PRODUCT.md §10): copy the
 * built tree (package files and dist/), `npm ci --omit=dev`, `node dist/server/main.js`,
 * serve a session, SIGTERM. No dev dependency (tsx, vite, esbuild) is installed in the copy.
 */
const run = promisify(execFile);
let tree: string;

beforeAll(async () => {
  if (!existsSync(join(REPO_ROOT, 'dist/server/main.js')))
    throw new Error('dist/server/main.js is missing: run `npm run build` first');
  tree = mkdtempSync(join(tmpdir(), 'tokenframe-prod-'));
  for (const file of ['package.json', 'package-lock.json'])
    cpSync(join(REPO_ROOT, file), join(tree, file));
  cpSync(join(REPO_ROOT, 'dist'), join(tree, 'dist'), { recursive: true });
  // From the local npm cache: the test needs no network.
  await run(
    'npm',
    ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'],
    { cwd: tree, timeout: 240_000 },
  );
}, 300_000);
afterAll(() => rmSync(tree, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: tree,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

describe('the production recipe', () => {
  it('installs with production dependencies only, serves a session, and stops cleanly on SIGTERM', async () => {
    expect(existsSync(join(tree, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(join(tree, 'node_modules/vite'))).toBe(false);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const service = start({
      PORT: String(port),
      HOST: '127.0.0.1',
      TOKENFRAME_PUBLIC_URL: url,
      TOKENFRAME_DATA_DIR: join(tree, 'data'),
      TOKENFRAME_VAULT_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    try {
      await expect
        .poll(() => service.output(), { timeout: 60_000, interval: 100 })
        .toContain('Tokenframe service listening on');

      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      const version = (await (await fetch(`${url}/version`)).json()) as Record<string, unknown>;
      expect(version).toMatchObject({ version: expect.any(String), engine: 'pglite' });

      const client = new SignedClient({ baseUrl: url, username: 'demo', secret: 'demo-secret' });
      const created = await client.createSession(sampleSessionRequest());
      expect(created.body.status).toBe(100);
      const exchanged = await exchangeAuthorizedUrl(url, created.body.data.authorized_url);
      expect(exchanged.status).toBe(200);
      expect(await exchanged.json()).toMatchObject({ access_token: expect.any(String) });
    } finally {
      service.child.kill('SIGTERM');
    }
    expect(await service.exit).toBe(0);
    const shutdownLines = service
      .output()
      .split('\n')
      .filter((line) => line.includes('shutdown'));
    expect(shutdownLines).toHaveLength(1);
    expect(JSON.parse(shutdownLines[0]!)).toMatchObject({
      msg: 'shutdown complete',
      signal: 'SIGTERM',
      outcome: 'closed',
    });
  }, 120_000);

  it.each([
    [{ LOG_LEVEL: 'loud' }, /^tokenframe: LOG_LEVEL: expected one of/],
    [{ DATABASE_URL: 'mysql://db/x' }, /^tokenframe: DATABASE_URL: expected a postgres:\/\/ URL/],
    [
      { DATABASE_URL: 'postgres://tokenframe:hunter2@127.0.0.1:1/tokenframe' },
      /^tokenframe: DATABASE_URL: cannot use the database at 127\.0\.0\.1:1\/tokenframe \(ECONNREFUSED/,
    ],
    [{ TOKENFRAME_CONFIG: '/nonexistent.json' }, /^tokenframe: TOKENFRAME_CONFIG: file not found/],
  ])(
    'a start-up mistake (%o) is one clear line and exit code 2',
    async (env, line) => {
      const service = start({ PORT: '0', TOKENFRAME_DATA_DIR: join(tree, 'data-bad'), ...env });
      expect(await service.exit).toBe(2);
      const lines = service.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(line);
      expect(service.output()).not.toContain('hunter2');
      expect(service.output()).not.toContain('    at ');
    },
    60_000,
  );
});
