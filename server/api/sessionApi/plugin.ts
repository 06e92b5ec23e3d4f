import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateRequest } from './hmacAuth';
import { API_STATUS, sendEnvelope } from './envelope';
import type { Program } from '../../domain/programs/program';
import type { SessionApiContext } from './context';
import { createSessionRoute } from './createSessionRoute';
import { opsRoutes } from './opsRoutes';

/** Largest accepted request body (PRODUCT.md §1); larger bodies get 413. */
export const SESSION_API_BODY_LIMIT = 16 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** The program whose HMAC signature this request carries (Session and ops API only). */
    program?: Program;
  }
}

/** The raw body bytes of a Session API request (empty when none was sent). */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

/**
 * The HMAC-authenticated API under `/api/v1`. Bodies are kept as raw bytes (this plugin's
 * own content-type parser, encapsulated so other routes keep Fastify's JSON parser): the
 * signature covers the exact bytes, and unauthenticated callers learn nothing from parse
 * errors because authentication runs first.
 */
export async function sessionApiPlugin(
  app: FastifyInstance,
  context: SessionApiContext,
): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: SESSION_API_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  app.addHook('preHandler', async (request, reply) => {
    const program = authenticateRequest(
      {
        method: request.method,
        url: request.raw.url ?? request.url,
        headers: request.headers,
        rawBody: rawBodyOf(request),
      },
      context.config.programs,
      context.clock(),
    );
    if (!program) return sendEnvelope(request, reply, API_STATUS.UNAUTHORIZED);
    request.program = program;
  });
  await app.register(createSessionRoute, context);
  await app.register(opsRoutes, context);
}
