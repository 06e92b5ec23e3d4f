import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * The app-wide fallback for everything outside the two APIs (the widget document, the SDK,
 * /openapi.json), which install their own handlers in their encapsulated plugins. A 5xx is
 * logged with its request id and answered without details.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500 || status < 400) {
      request.log.error({ err: error, request_id: request.id }, 'request failed');
      return reply.code(500).send({ error: 'internal', request_id: request.id });
    }
    return reply.code(status).send({ error: error.code ?? 'error', message: error.message });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not_found' }));
}
