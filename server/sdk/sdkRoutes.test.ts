import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkRoutes } from './sdkRoutes';

const dir = mkdtempSync(join(tmpdir(), 'tokenframe-sdk-'));
const app = Fastify();
const JS = 'window.Tokenframe = {};\n';

beforeAll(async () => {
  mkdirSync(join(dir, 'sdk'));
  writeFileSync(join(dir, 'sdk', 'tokenframe.js'), JS);
  writeFileSync(join(dir, 'sdk', 'tokenframe.mjs'), 'export const Tokenframe = {};\n');
  await app.register(sdkRoutes, { sdkDir: join(dir, 'sdk') });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SDK serving', () => {
  it('serves tokenframe.js with CORS *, long caching and a JavaScript type', async () => {
    const res = await app.inject({ url: '/sdk/tokenframe.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(JS);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('publishes SRI hashes that match the bytes served', async () => {
    const integrity = (await app.inject({ url: '/sdk/integrity.json' })).json() as Record<
      string,
      string
    >;
    for (const name of ['tokenframe.js', 'tokenframe.mjs']) {
      const body = (await app.inject({ url: `/sdk/${name}` })).rawPayload;
      expect(integrity[name]).toBe(`sha384-${createHash('sha384').update(body).digest('base64')}`);
    }
  });

  it('recomputes the hash when the build changes the file', async () => {
    const next = 'window.Tokenframe = { v: 2 };\n';
    writeFileSync(join(dir, 'sdk', 'tokenframe.js'), next);
    const future = new Date(Date.now() + 5000);
    (await import('node:fs')).utimesSync(join(dir, 'sdk', 'tokenframe.js'), future, future);
    const integrity = (await app.inject({ url: '/sdk/integrity.json' })).json() as Record<
      string,
      string
    >;
    expect(integrity['tokenframe.js']).toBe(
      `sha384-${createHash('sha384').update(next).digest('base64')}`,
    );
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.inject({ url: '/sdk/tokenframe.mjs' });
    const second = await app.inject({
      url: '/sdk/tokenframe.mjs',
      headers: { 'if-none-match': first.headers.etag as string },
    });
    expect(second.statusCode).toBe(304);
  });
});
