import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../config';
import { sdkRoutes, type SdkFileIntegrity } from './sdkRoutes';

const dir = mkdtempSync(join(tmpdir(), 'tokenframe-sdk-'));
const app = Fastify();
const JS = 'window.Tokenframe = {};\n';
const PUBLIC_URL = 'https://pay.example';
/** The path of an integrity.json URL, for `inject`. */
const pathOf = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  mkdirSync(join(dir, 'sdk'));
  writeFileSync(join(dir, 'sdk', 'tokenframe.js'), JS);
  writeFileSync(join(dir, 'sdk', 'tokenframe.mjs'), 'export const Tokenframe = {};\n');
  await app.register(sdkRoutes, {
    config: { distDir: dir, publicUrl: PUBLIC_URL } as ServiceConfig,
  });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SDK serving', () => {
  it('serves the unversioned tokenframe.js with CORS *, a short cache and a JavaScript type', async () => {
    const res = await app.inject({ url: '/sdk/tokenframe.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(JS);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('publishes versioned URLs and SRI hashes that match the bytes served at both URLs', async () => {
    const integrity = (await app.inject({ url: '/sdk/integrity.json' })).json() as Record<
      string,
      SdkFileIntegrity
    >;
    for (const name of ['tokenframe.js', 'tokenframe.mjs']) {
      const entry = integrity[name]!;
      // Absolute: a merchant copies it into <script src> on another origin as is.
      expect(entry.url).toMatch(
        new RegExp(`^https://pay\\.example/sdk/[0-9a-f]{16}/${name.replace('.', '\\.')}$`),
      );
      const plain = (await app.inject({ url: `/sdk/${name}` })).rawPayload;
      const versioned = await app.inject({ url: pathOf(entry.url) });
      expect(versioned.statusCode).toBe(200);
      expect(versioned.rawPayload.equals(plain)).toBe(true);
      expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(versioned.headers['access-control-allow-origin']).toBe('*');
      expect(entry.integrity).toBe(`sha384-${createHash('sha384').update(plain).digest('base64')}`);
    }
  });

  it('answers 404 for a version that is not the current build', async () => {
    const res = await app.inject({ url: '/sdk/0123456789abcdef/tokenframe.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('recomputes the hash and the versioned URL when the build changes the file', async () => {
    const before = (await app.inject({ url: '/sdk/integrity.json' })).json() as Record<
      string,
      SdkFileIntegrity
    >;
    const next = 'window.Tokenframe = { v: 2 };\n';
    writeFileSync(join(dir, 'sdk', 'tokenframe.js'), next);
    const future = new Date(Date.now() + 5000);
    (await import('node:fs')).utimesSync(join(dir, 'sdk', 'tokenframe.js'), future, future);
    const integrity = (await app.inject({ url: '/sdk/integrity.json' })).json() as Record<
      string,
      SdkFileIntegrity
    >;
    expect(integrity['tokenframe.js']!.integrity).toBe(
      `sha384-${createHash('sha384').update(next).digest('base64')}`,
    );
    expect(integrity['tokenframe.js']!.url).not.toBe(before['tokenframe.js']!.url);
    expect((await app.inject({ url: pathOf(integrity['tokenframe.js']!.url) })).body).toBe(next);
    // The old build is gone: its versioned URL must not serve the new bytes under an old name.
    expect((await app.inject({ url: pathOf(before['tokenframe.js']!.url) })).statusCode).toBe(404);
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
