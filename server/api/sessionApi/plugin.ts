import type { FastifyError, FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../context';
import { RateLimited } from '../../http/rateLimit';
import { verifyRequest } from './hmacAuth';
import { API_STATUS, sendEnvelope, SessionApiFailure } from './envelope';
import type { Program } from '../../domain/programs/program';
import { createSessionRoute } from './createSessionRoute';
import { opsRoutes } from './opsRoutes';
import { SESSION_API_BODY_LIMIT, rawBodyOf } from './rawBody';
import { webhookRoutes } from './webhookRoutes';
import {
  CATCH_ALL_ROUTE,
  refuseUnstorableInput,
  UNSTORABLE_MESSAGE,
  UnstorableInput,
} from '../../http/inputGuard';
import { loggableError } from '../../http/loggableError';

declare module 'fastify' {
  interface FastifyRequest {
    /** The program whose HMAC signature this request carries (Session and ops API only). */
    program?: Program;
  }
}

/**
 * The HMAC-authenticated API under `/api/v1` (PRODUCT.md §1), one encapsulated plugin with
 * its own body parser, authentication hook, error handler and not-found route. Bodies are
 * kept as raw bytes (the signature covers the exact bytes) and unauthenticated callers learn
 * nothing from parse errors or unknown paths, because authentication runs first.
 */
export async function sessionApiPlugin(
  app: FastifyInstance,
  context: ServiceContext,
): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: SESSION_API_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  app.addHook('preHandler', async (request) => {
    const verified = verifyRequest(
      {
        method: request.method,
        url: request.raw.url ?? request.url,
        headers: request.headers,
        rawBody: rawBodyOf(request),
      },
      context.config.programs,
      context.clock(),
    );
    if (!verified.program) {
      // The caller only ever sees 13401; the operator sees why (never the header itself).
      request.log.warn({ reason: verified.reason }, 'session API request not authenticated');
      throw new SessionApiFailure(API_STATUS.UNAUTHORIZED);
    }
    request.program = verified.program;
  });
  // After authentication, so an unsigned caller learns nothing from its input's faults.
  app.addHook('preHandler', refuseUnstorableInput);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof SessionApiFailure)
      return sendEnvelope(request, reply, error.status, error.data, error.overrides);
    if (error instanceof UnstorableInput)
      return sendEnvelope(
        request,
        reply,
        API_STATUS.INVALID_FIELDS,
        { [error.field]: [UNSTORABLE_MESSAGE] },
        { developer_message: 'invalid_request_fields' },
      );
    if (error instanceof RateLimited)
      return sendEnvelope(
        request,
        reply.header('Retry-After', String(error.retryAfterSeconds)),
        API_STATUS.RATE_LIMITED,
      );
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx: a body over the limit (413) or one that could not be read.
      const tooLarge = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
      return sendEnvelope(
        request,
        reply,
        API_STATUS.INVALID_FIELDS,
        {
          body: [
            tooLarge ? 'The request body is larger than 16 KiB.' : 'The request could not be read.',
          ],
        },
        { developer_message: tooLarge ? 'body_too_large' : 'invalid_request', httpStatus: status },
      );
    }
    request.log.error({ err: loggableError(error), request_id: request.id }, 'request failed');
    return sendEnvelope(request, reply, API_STATUS.INTERNAL, { request_id: request.id });
  });
  await app.register(createSessionRoute, context);
  await app.register(opsRoutes, context);
  await app.register(webhookRoutes, context);
  // After authentication: a known path asked with another method answers 405 with `Allow`,
  // an unknown path under /api/v1 the envelope's 13404.
  app.all('/api/v1/*', CATCH_ALL_ROUTE, async (request, reply) => {
    const allowed = request.server.allowedMethods?.of(request.url.split('?')[0]!) ?? [];
    if (allowed.length === 0) throw new SessionApiFailure(API_STATUS.NOT_FOUND);
    return sendEnvelope(
      request,
      reply.header('Allow', allowed.join(', ')),
      API_STATUS.METHOD_NOT_ALLOWED,
    );
  });
}
