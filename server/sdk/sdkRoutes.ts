import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../context';
import { pickRepresentation, readEncodedFile, type EncodedFile } from '../http/precompressed';

/** The SDK builds served under `/sdk/`. */
export const SDK_FILES = ['tokenframe.js', 'tokenframe.mjs'] as const;

/** A file's content-addressed URL: safe to cache forever, its bytes never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * The unversioned URL's bytes change with every build, while the hash a page pins does not:
 * a short cache bounds how long a browser can pair a new hash with an old file.
 */
const SHORT = 'public, max-age=300';

/** One entry of `/sdk/integrity.json`. */
export interface SdkFileIntegrity {
  /**
   * Absolute, versioned, immutably cached URL of this exact build, e.g.
   * `https://pay.example/sdk/3f9a…/tokenframe.js`: a page copies it into `<script src>` as is.
   */
  url: string;
  /** SRI value, `sha384-<base64>`. */
  integrity: string;
}

interface Cached {
  mtimeMs: number;
  /** The bytes plus the build's `.br` / `.gz` variants; SRI covers the decoded bytes. */
  content: EncodedFile;
  integrity: string;
  /** Short content hash naming this build in the versioned URL. */
  version: string;
}

/**
 * Serves the built SDK with CORS `*` (merchant pages on any origin load it, including as a
 * module, which needs CORS). `/sdk/<version>/tokenframe.js` (and `.mjs`) is the current build
 * under a content hash, cached immutably; `/sdk/tokenframe.js` is the same file cached for
 * 5 minutes only. `/sdk/integrity.json` publishes each file's versioned URL (absolute, on the
 * service's public URL) and SRI hash.
 * Hashes are computed at start and again whenever a rebuild changes a file, so the published
 * hash always matches the bytes served. Only the current build is served: an old version's
 * URL answers 404.
 */
export async function sdkRoutes(
  app: FastifyInstance,
  context: Pick<ServiceContext, 'config'>,
): Promise<void> {
  const sdkDir = join(context.config.distDir, 'sdk');
  const cache = new Map<string, Cached>();
  const load = (name: string): Cached | null => {
    const path = join(sdkDir, name);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return null;
    }
    const hit = cache.get(name);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    const content = readEncodedFile(path);
    const digest = createHash('sha384').update(content.identity).digest();
    const entry = {
      mtimeMs,
      content,
      integrity: `sha384-${digest.toString('base64')}`,
      version: digest.toString('hex').slice(0, 16),
    };
    cache.set(name, entry);
    return entry;
  };
  for (const name of SDK_FILES) load(name);

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    file: Cached | null,
    cacheControl: string,
  ) => {
    reply
      .header('Access-Control-Allow-Origin', '*')
      .header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (!file)
      return reply
        .code(404)
        .header('Cache-Control', 'no-store')
        .send({ error: 'not_found', message: 'SDK not built: run npm run build' });
    const { coding, body } = pickRepresentation(request, reply, file.content);
    // One ETag per representation: a cache must not answer a gzip request with brotli bytes.
    const etag = `"${file.integrity}${coding ? `-${coding}` : ''}"`;
    reply
      .header('Content-Type', 'text/javascript; charset=utf-8')
      .header('Cache-Control', cacheControl)
      .header('ETag', etag)
      .header('X-Content-Type-Options', 'nosniff');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(body);
  };

  for (const name of SDK_FILES) {
    app.get(`/sdk/${name}`, async (request, reply) => send(request, reply, load(name), SHORT));
    app.get<{ Params: { version: string } }>(`/sdk/:version/${name}`, async (request, reply) => {
      const file = load(name);
      if (file && file.version !== request.params.version)
        return reply
          .code(404)
          .header('Access-Control-Allow-Origin', '*')
          .header('Cache-Control', 'no-store')
          .send({
            error: 'not_found',
            message: `This SDK version is not served; see /sdk/integrity.json for the current one`,
          });
      return send(request, reply, file, IMMUTABLE);
    });
  }

  app.get('/sdk/integrity.json', async (_request, reply) => {
    const integrity: Record<string, SdkFileIntegrity> = {};
    for (const name of SDK_FILES) {
      const file = load(name);
      if (file)
        integrity[name] = {
          url: `${context.config.publicUrl}/sdk/${file.version}/${name}`,
          integrity: file.integrity,
        };
    }
    return reply
      .header('Access-Control-Allow-Origin', '*')
      .header('Cache-Control', 'no-cache')
      .send(integrity);
  });
}
