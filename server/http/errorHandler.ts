import type { FastifyError, FastifyInstance } from 'fastify';
import { UnstorableInput } from './inputGuard';
import { loggableError } from './loggableError';

/**
 * The app-wide fallback for everything outside the two APIs (the widget document, the SDK,
 * /openapi.json), which install their own handlers in their encapsulated plugins. A 5xx is
 * logged with its request id and answered without details.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof UnstorableInput)
      return reply.code(400).send({ error: 'invalid_request', field: error.field });
    const status = error.statusCode ?? 500;
    if (status >= 500 || status < 400) {
      request.log.error({ err: loggableError(error), request_id: request.id }, 'request failed');
      return reply.code(500).send({ error: 'internal', request_id: request.id });
    }
    return reply.code(status).send({ error: error.code ?? 'error', message: error.message });
  });
  app.setNotFoundHandler((request, reply) => {
    // A known path asked with another method: 405 with `Allow` (RFC 9110 §15.5.6).
    const allowed = request.server.allowedMethods?.of(request.url.split('?')[0]!) ?? [];
    if (allowed.length > 0)
      return reply
        .code(405)
        .header('Allow', allowed.join(', '))
        .send({ error: 'method_not_allowed' });
    return reply.code(404).send({ error: 'not_found' });
  });
}
