import { readFileSync } from 'node:fs';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Content codings the build writes beside each asset (`.br`, `.gz`), best first. */
export const PRECOMPRESSED_CODINGS = ['br', 'gzip'] as const;

/** One of {@link PRECOMPRESSED_CODINGS}. */
export type ContentCoding = (typeof PRECOMPRESSED_CODINGS)[number];

const EXTENSION: Record<ContentCoding, string> = { br: '.br', gzip: '.gz' };

/** A file's bytes plus whichever precompressed variants the build wrote beside it. */
export interface EncodedFile {
  /** The decoded bytes: what SRI hashes and what a client gets without an encoding. */
  identity: Buffer;
  variants: Partial<Record<ContentCoding, Buffer>>;
}

/**
 * Reads `path` and its `.br` / `.gz` siblings (written by the build's precompress step). A
 * missing sibling just leaves that coding out; a missing `path` throws like `readFileSync`.
 */
export function readEncodedFile(path: string): EncodedFile {
  const identity = readFileSync(path);
  const variants: EncodedFile['variants'] = {};
  for (const coding of PRECOMPRESSED_CODINGS) {
    try {
      variants[coding] = readFileSync(path + EXTENSION[coding]);
    } catch {
      // Not written (the build skips variants that would not be smaller).
    }
  }
  return { identity, variants };
}

/**
 * The coding to answer with: the client's preferred one (by `q`, ties broken in
 * {@link PRECOMPRESSED_CODINGS} order) among those available, or `null` for the plain bytes.
 */
export function chooseCoding(
  acceptEncoding: string | undefined,
  available: readonly ContentCoding[],
): ContentCoding | null {
  if (!acceptEncoding || available.length === 0) return null;
  // `*` means "anything": read it as gzip, the coding every client can decode.
  const header = acceptEncoding.toLowerCase().replace(/\*/g, 'gzip');
  return negotiate(
    header,
    PRECOMPRESSED_CODINGS.filter((coding) => available.includes(coding)),
  ) as ContentCoding | null;
}

/**
 * Picks the representation of `file` to send: the best coding the request accepts, announced
 * in `Content-Encoding`, with `Vary: Accept-Encoding` (the answer depends on that header, so
 * shared caches must key on it). `coding` is `null` when the plain bytes are sent.
 */
export function pickRepresentation(
  request: FastifyRequest,
  reply: FastifyReply,
  file: EncodedFile,
): { coding: ContentCoding | null; body: Buffer } {
  const available = PRECOMPRESSED_CODINGS.filter((coding) => file.variants[coding]);
  const coding = chooseCoding(request.headers['accept-encoding'], available);
  addVaryAcceptEncoding(reply);
  if (!coding) return { coding, body: file.identity };
  reply.header('content-encoding', coding);
  return { coding, body: file.variants[coding]! };
}

/** Appends `accept-encoding` to `Vary` once, keeping whatever is already there. */
export function addVaryAcceptEncoding(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  const tokens = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((token) => token.trim())
    .filter(Boolean);
  if (tokens.some((token) => token === '*' || token.toLowerCase() === 'accept-encoding')) return;
  reply.header('vary', [...tokens, 'accept-encoding'].join(', '));
}
