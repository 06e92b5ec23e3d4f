import type { FastifyRequest } from 'fastify';

/** Largest accepted request body (PRODUCT.md §1); larger bodies get 413. */
export const SESSION_API_BODY_LIMIT = 16 * 1024;

/**
 * The raw body bytes of a Session API request (empty when none was sent): the HMAC signature
 * covers these exact bytes, so the API parses JSON itself, after authentication.
 */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}
