import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashedAssetRoutes } from './hashedAssets';

const SCRIPT = `export const pad = ${JSON.stringify('widget '.repeat(200))};\n`;

function writePrecompressed(path: string, content: string): void {
  writeFileSync(path, content);
  writeFileSync(`${path}.br`, brotliCompressSync(content));
  writeFileSync(`${path}.gz`, gzipSync(content));
}

let assetsDir: string;
let app: FastifyInstance;
beforeEach(() => {
  assetsDir = mkdtempSync(join(tmpdir(), 'tokenframe-assets-'));
  writePrecompressed(join(assetsDir, 'widget-abc123.js'), SCRIPT);
  writePrecompressed(join(assetsDir, 'widget-abc123.css'), 'body{margin:0}');
  app = Fastify();
  hashedAssetRoutes(app, assetsDir);
});
afterEach(async () => {
  await app.close();
  rmSync(assetsDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('hashed widget assets', () => {
  it('serves a file read at start from memory, even once the file is gone from disk', async () => {
    rmSync(join(assetsDir, 'widget-abc123.js'));
    rmSync(join(assetsDir, 'widget-abc123.js.br'));
    const response = await get('/widget/assets/widget-abc123.js', { 'accept-encoding': 'br' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
    expect(response.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
  });

  it('serves a file a rebuild wrote after the start, from its first request on', async () => {
    expect((await get('/widget/assets/page-later-def456.js')).statusCode).toBe(404);
    writePrecompressed(join(assetsDir, 'page-later-def456.js'), SCRIPT);
    const response = await get('/widget/assets/page-later-def456.js');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(SCRIPT);
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const first = await get('/widget/assets/widget-abc123.css');
    expect(first.headers['content-type']).toBe('text/css; charset=utf-8');
    const etag = String(first.headers.etag);
    expect(etag).toContain('widget-abc123.css');
    const again = await get('/widget/assets/widget-abc123.css', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it.each([
    'missing-000.js',
    'widget-abc123.js.br',
    'widget-abc123.js.gz',
    '..%2Fwidget-abc123.js',
    '.hidden.js',
    'widget-abc123.txt',
  ])('answers 404 for %s', async (name) => {
    const response = await get(`/widget/assets/${name}`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found' });
  });
});
