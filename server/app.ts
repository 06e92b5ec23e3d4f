import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ServiceConfig } from './config';
import type { Store } from './storage/store';
import { registerCompression } from './http/compression';
import { installErrorHandlers } from './http/errorHandler';
import { createLogger, type LoggerOption } from './http/logging';
import { TokenBuckets } from './http/tokenBucket';
import { sessionApiPlugin } from './sessionApi/plugin';
import { buildOpenApiDocument } from './sessionApi/openapi';
import { exchangeRoute } from './sessions/exchangeRoute';
import { sdkRoutes } from './sdk/sdkRoutes';
import { widgetApiRoutes } from './widgetApi/routes';
import { widgetDocumentRoutes } from './widgetApi/document';

/** What {@link buildApp} needs. `clock` (epoch ms) is injectable so tests can move time. */
export interface AppOptions {
  store: Store;
  config: ServiceConfig;
  clock?: () => number;
  logger?: LoggerOption;
}

/** Options every route plugin receives. */
export interface RouteContext {
  store: Store;
  config: ServiceConfig;
  clock: () => number;
}

/**
 * Builds the Fastify app (not listening). The store must already be migrated. Routes: the
 * HMAC-signed Session and ops API under /api/v1, the widget API under /api/widget/v1, the
 * widget document under /session and /widget, the SDK under /sdk, and /openapi.json.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? Date.now;
  const context: RouteContext = { store: options.store, config: options.config, clock };
  const app = Fastify({
    loggerInstance: createLogger(options.logger) as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
    trustProxy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  installErrorHandlers(app);
  await registerCompression(app);

  await app.register(sessionApiPlugin, { ...context, rateLimits: new TokenBuckets() });
  await app.register(exchangeRoute, context);
  await app.register(widgetApiRoutes, context);
  await app.register(widgetDocumentRoutes, context);
  await app.register(sdkRoutes, {
    sdkDir: join(options.config.distDir, 'sdk'),
    publicUrl: options.config.publicUrl,
  });

  const openApi = buildOpenApiDocument(options.config.publicUrl);
  app.get('/openapi.json', async () => openApi);
  app.get('/healthz', async () => ({ ok: true }));
  return app;
}
