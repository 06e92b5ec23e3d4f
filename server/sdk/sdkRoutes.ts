import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** The SDK builds served under `/sdk/`. */
export const SDK_FILES = ['tokenframe.js', 'tokenframe.mjs'] as const;

interface Cached {
  mtimeMs: number;
  content: Buffer;
  integrity: string;
}

/**
 * Serves the built SDK with CORS `*` (merchant pages on any origin load it, including as a
 * module, which needs CORS) and long caching, and publishes each file's SRI hash at
 * `/sdk/integrity.json`. Hashes are computed at start and again whenever a rebuild changes a
 * file, so the published hash always matches the bytes served.
 */
export async function sdkRoutes(app: FastifyInstance, options: { sdkDir: string }): Promise<void> {
  const cache = new Map<string, Cached>();
  const load = (name: string): Cached | null => {
    const path = join(options.sdkDir, name);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return null;
    }
    const hit = cache.get(name);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    const content = readFileSync(path);
    const entry = {
      mtimeMs,
      content,
      integrity: `sha384-${createHash('sha384').update(content).digest('base64')}`,
    };
    cache.set(name, entry);
    return entry;
  };
  for (const name of SDK_FILES) load(name);

  for (const name of SDK_FILES) {
    app.get(`/sdk/${name}`, async (request, reply) => {
      const file = load(name);
      reply
        .header('Access-Control-Allow-Origin', '*')
        .header('Cross-Origin-Resource-Policy', 'cross-origin');
      if (!file)
        return reply
          .code(404)
          .send({ error: 'not_found', message: 'SDK not built: run npm run build' });
      const etag = `"${file.integrity}"`;
      reply
        .header('Content-Type', 'text/javascript; charset=utf-8')
        .header('Cache-Control', 'public, max-age=31536000, immutable')
        .header('ETag', etag)
        .header('X-Content-Type-Options', 'nosniff');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(file.content);
    });
  }

  app.get('/sdk/integrity.json', async (_request, reply) => {
    const integrity: Record<string, string> = {};
    for (const name of SDK_FILES) {
      const file = load(name);
      if (file) integrity[name] = file.integrity;
    }
    return reply
      .header('Access-Control-Allow-Origin', '*')
      .header('Cache-Control', 'no-cache')
      .send(integrity);
  });
}
