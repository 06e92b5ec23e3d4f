import fastifyCompress, { type FastifyCompressOptions } from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/** Below this many bytes a response is sent as is: the encoding overhead would eat the gain. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/** Options shared by every compressed route (a route-level `compress` replaces them all). */
const RESPONSE_COMPRESSION = {
  threshold: COMPRESSION_THRESHOLD_BYTES,
  encodings: ['br', 'gzip'],
  // Per-request brotli: quality 5 compresses about as well as gzip -9 at a fraction of
  // quality 11's CPU; the static assets get quality 11 once, at build time.
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
} satisfies FastifyCompressOptions;

/**
 * Compresses dynamic responses (the templated widget document, JSON API answers) over
 * {@link COMPRESSION_THRESHOLD_BYTES} with brotli or gzip, as `Accept-Encoding` asks, adding
 * `Vary: Accept-Encoding`. Recipients open the widget on phones (PRODUCT.md §2), where bytes
 * are time. Static files arrive already compressed by the build (`Content-Encoding` set) and
 * pass through untouched. Register before the routes: the hook attaches to routes added later.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, { global: true, ...RESPONSE_COMPRESSION });
}

/**
 * Route options that compress at any size, for the widget document: it sits just under 1 KB
 * and is the first request of every mount, on a phone's slow first round trip.
 */
export const ALWAYS_COMPRESS = {
  compress: { ...RESPONSE_COMPRESSION, threshold: 0 },
};
