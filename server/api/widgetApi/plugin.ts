import type { FastifyError, FastifyInstance } from 'fastify';
import { WIDGET_API_BASE } from '../../../protocol/widgetApi';
import type { ServiceContext } from '../../context';
import { RateLimited } from '../../http/rateLimit';
import { exchangeRoute } from './exchangeRoute';
import { widgetApiRoutes } from './routes';
import { WidgetApiFailure, sendFailure } from './widgetApiError';
import {
  CATCH_ALL_ROUTE,
  MalformedJson,
  parseUntrustedJson,
  refuseUnstorableInput,
  UnstorableInput,
} from '../../http/inputGuard';
import { loggableError } from '../../http/loggableError';

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
  // Bodies become null-prototype objects and strings PostgreSQL cannot store are refused
  // before any handler or schema sees them (PRODUCT.md §10).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, parseUntrustedJson(text as string));
    } catch (error) {
      done(error as MalformedJson);
    }
  });
  app.addHook('preValidation', refuseUnstorableInput);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof WidgetApiFailure) return sendFailure(reply, error);
    if (error instanceof MalformedJson)
      return sendFailure(
        reply,
        new WidgetApiFailure('invalid_request', undefined, { body: ['invalid_json'] }),
      );
    if (error instanceof UnstorableInput)
      return sendFailure(
        reply,
        new WidgetApiFailure('invalid_request', undefined, { [error.field]: ['unstorable_text'] }),
      );
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
    // A driver error's message or detail can quote parameter values: see loggableError.
    request.log.error(
      { err: loggableError(error), request_id: request.id },
      'widget API internal error',
    );
    return sendFailure(reply, new WidgetApiFailure('internal'));
  });
  await app.register(exchangeRoute, context);
  await app.register(widgetApiRoutes, context);
  // Any other path under the widget API gets the protocol's body, not Fastify's shape.
  app.all(`${WIDGET_API_BASE}/*`, CATCH_ALL_ROUTE, async (request, reply) => {
    const allowed = request.server.allowedMethods?.of(request.url.split('?')[0]!) ?? [];
    if (allowed.length === 0) throw new WidgetApiFailure('not_found');
    return sendFailure(
      reply.header('Allow', allowed.join(', ')),
      new WidgetApiFailure('method_not_allowed'),
    );
  });
}
