import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pickRepresentation, readEncodedFile, type EncodedFile } from '../http/precompressed';

/** Vite's hashed output (`base: '/widget/'`, `assetsDir: 'assets'`): safe to cache forever. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The types of what Vite writes under `assets/`: the widget's scripts and styles. */
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A file name of the build: no path, no dot file, no `.br`/`.gz` variant. */
const ASSET_NAME = /^[\w-]+\.(js|css)$/;

/**
 * Serves the widget build's content-hashed scripts and styles, `/widget/assets/<name>`, from
 * memory, each in the best precompressed coding the request accepts. The document links every
 * file a first mount needs at once and its inline script sends the exchange a moment later
 * (PRODUCT.md §2, "Load"): read from disk per request, the files waited behind the exchange's
 * store work; from memory each answer is one write. A name carries its file's hash, so a file
 * once read is never stale, and it is also the ETag. A name the start did not see (a rebuild
 * while the service runs) is read on its first request.
 */
export function hashedAssetRoutes(app: FastifyInstance, assetsDir: string): void {
  const files = new Map<string, EncodedFile>();
  const fileNamed = (name: string): EncodedFile | undefined => {
    if (files.has(name) || !ASSET_NAME.test(name)) return files.get(name);
    try {
      files.set(name, readEncodedFile(join(assetsDir, name)));
    } catch {
      // Not built (yet): a 404, and read again on the next request.
    }
    return files.get(name);
  };
  try {
    for (const name of readdirSync(assetsDir)) fileNamed(name);
  } catch {
    // Not built yet: `/readyz` says so.
  }

  app.get<{ Params: { file: string } }>('/widget/assets/:file', async (request, reply) => {
    const name = request.params.file;
    const file = fileNamed(name);
    if (!file)
      return reply
        .code(404)
        .header('cache-control', 'no-store')
        .send({ error: 'not_found', message: 'No such file in the widget build' });
    const etag = `W/"${name}"`;
    reply
      .header('content-type', CONTENT_TYPES[extname(name)])
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', IMMUTABLE)
      .header('etag', etag);
    const { body } = pickRepresentation(request, reply, file);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(body);
  });
}
