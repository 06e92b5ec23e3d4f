import type { FastifyError, FastifyInstance } from 'fastify';
import { WIDGET_API_BASE } from '../../../protocol/widgetApi';
import type { ServiceContext } from '../../context';
import { RateLimited } from '../../http/rateLimit';
import { exchangeRoute } from './exchangeRoute';
import { widgetApiRoutes } from './routes';
import { WidgetApiFailure, sendFailure } from './widgetApiError';

/**
 * The widget API under `/api/widget/v1` (protocol/widgetApi.ts), one encapsulated plugin: the
 * exchange and the bearer-token routes share one error handler, so every error, a 5xx
 * included, answers the protocol's error body with its fixed status, and nothing typed is
 * ever echoed back.
 */
export async function widgetApiPlugin(
  app: FastifyInstance,
  context: ServiceContext,
): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof WidgetApiFailure) return sendFailure(reply, error);
    if (error instanceof RateLimited)
      return sendFailure(
        reply.header('Retry-After', String(error.retryAfterSeconds)),
        new WidgetApiFailure('rate_limited'),
      );
    // Fastify's own 4xx: malformed JSON, wrong content type, body too large.
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return sendFailure(
        reply,
        new WidgetApiFailure('invalid_request', undefined, { body: [error.code ?? 'invalid'] }),
      );
    // Name and code only: a driver error's message or detail can quote parameter values.
    request.log.error({ err: { name: error.name, code: error.code } }, 'widget API internal error');
    return sendFailure(reply, new WidgetApiFailure('internal'));
  });
  await app.register(exchangeRoute, context);
  await app.register(widgetApiRoutes, context);
  // Any other path under the widget API gets the protocol's not_found, not Fastify's shape.
  app.all(`${WIDGET_API_BASE}/*`, async () => {
    throw new WidgetApiFailure('not_found');
  });
}
