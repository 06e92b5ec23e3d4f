import type { FastifyError, FastifyInstance } from 'fastify';
import { API_STATUS, sendEnvelope } from '../api/sessionApi/envelope';

/**
 * One error handler for the whole app: Session/ops API errors get the envelope, widget API
 * errors the widget error body, and every 5xx is logged with its request id and answered
 * without details.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    const isSessionApi = request.url.startsWith('/api/v1/');
    if (status >= 500 || status < 400) {
      request.log.error({ err: error, request_id: request.id }, 'request failed');
      if (isSessionApi)
        return sendEnvelope(request, reply, API_STATUS.INTERNAL, { request_id: request.id });
      return reply.code(500).send({ error: 'internal', request_id: request.id });
    }
    if (isSessionApi) {
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
    if (request.url.startsWith('/api/widget/'))
      return reply.code(status).send({
        error:
          status === 429 ? 'rate_limited' : status === 401 ? 'unauthorized' : 'invalid_request',
      });
    return reply.code(status).send({ error: error.code ?? 'error', message: error.message });
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/v1/'))
      return sendEnvelope(request, reply, API_STATUS.NOT_FOUND);
    if (request.url.startsWith('/api/widget/')) return reply.code(404).send({ error: 'not_found' });
    return reply.code(404).send({ error: 'not_found' });
  });
}
