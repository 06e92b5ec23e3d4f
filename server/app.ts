import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ServiceConfig } from './config';
import type { ServiceContext } from './context';
import type { Store } from './storage/store';
import { registerCompression } from './http/compression';
import { installErrorHandlers } from './http/errorHandler';
import { AllowedMethods } from './http/allowedMethods';
import { installRequestIds } from './http/requestId';
import { parseTraceparent } from './http/traceContext';
import { createLogger, type LoggerOption } from './http/logging';
import { sessionApiPlugin } from './api/sessionApi/plugin';
import { buildOpenApiDocument } from './api/openapi/openApiDocument';
import { sdkRoutes } from './sdk/sdkRoutes';
import { widgetApiPlugin } from './api/widgetApi/plugin';
import { widgetDocumentRoutes } from './widgetDocument/documentRoutes';
import { healthRoutes } from './health/healthRoutes';
import { declareWebhookPrograms } from './domain/events/webhookPrograms';
import { installRequestMetrics, metricsRoutes } from './metrics/metricsRoutes';

/**
 * An incoming `X-Request-Id` a proxy or the merchant set is kept (so one id follows a request
 * across systems) when it is a plain token; anything else is replaced, so a header cannot
 * smuggle text into the log.
 */
const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** What {@link buildApp} needs. `clock` (epoch ms) is injectable so tests can move time. */
export interface AppOptions {
  store: Store;
  config: ServiceConfig;
  clock?: () => number;
  logger?: LoggerOption;
}

/**
 * Builds the Fastify app (not listening). The store must already be migrated. Routes: the
 * HMAC-signed Session and ops API under /api/v1, the widget API under /api/widget/v1, the
 * widget document under /session and /widget, the SDK under /sdk, and /openapi.json.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const context: ServiceContext = {
    store: options.store,
    // Frozen: a setting changes through readEnvConfig, never on a running app.
    config: Object.freeze(options.config),
    clock: options.clock ?? Date.now,
  };
  declareWebhookPrograms(options.config.programs);
  const app = Fastify({
    loggerInstance: createLogger(
      options.logger ?? { level: options.config.logLevel },
    ) as FastifyBaseLogger,
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
    // Every log line of a request carries the caller's trace ids when it sent `traceparent`.
    childLoggerFactory: (logger, bindings, options, rawRequest) =>
      logger.child({ ...bindings, ...parseTraceparent(rawRequest.headers.traceparent) }, options),
    trustProxy: false,
    // Both APIs parse their own bodies (into null-prototype objects, http/inputGuard.ts) and
    // no other route reads one: Fastify's default parser only meets bodies sent with a wrong
    // method or to an unknown path. Those get 405 or 404 whatever they hold, not a 400 that
    // calls a `__proto__` key invalid JSON.
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
  });
  installRequestIds(app);
  installErrorHandlers(app);
  installRequestMetrics(app);
  const allowedMethods = new AllowedMethods();
  allowedMethods.watch(app);
  app.decorate('allowedMethods', allowedMethods);
  await registerCompression(app);

  await app.register(sessionApiPlugin, context);
  await app.register(widgetApiPlugin, context);
  await app.register(widgetDocumentRoutes, context);
  await app.register(sdkRoutes, context);

  const openApi = buildOpenApiDocument(options.config.publicUrl);
  app.get('/openapi.json', async () => openApi);
  await app.register(healthRoutes, context);
  await app.register(metricsRoutes, context);
  return app;
}
