import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context';
import { CREATE_SESSION_PATH } from '../api/sessionApi/createSessionRoute';
import { apiStatusOf } from '../api/sessionApi/envelope';
import {
  httpDuration,
  httpRequests,
  metricsRegistry,
  outboxDepth,
  outboxOldestAge,
  sessionCreates,
} from './serviceMetrics';

/**
 * Counts every answer by route pattern and status. Installed on the root app (not inside a
 * plugin), so its `onResponse` hook sees the routes of every plugin.
 */
export function installRequestMetrics(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    // Unmatched paths share one label, so a scanner cannot grow the label set without bound.
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
    if (route === CREATE_SESSION_PATH && request.method === 'POST') {
      const status = apiStatusOf(reply);
      sessionCreates.inc({
        status: status === undefined ? String(reply.statusCode) : String(status),
      });
    }
  });
}

/**
 * `GET /metrics` in the Prometheus text format. The outbox gauges are read from the store at
 * scrape time, so every instance reports the shared outbox.
 */
export async function metricsRoutes(app: FastifyInstance, context: ServiceContext): Promise<void> {
  app.get('/metrics', async (_request, reply) => {
    const [outbox] = await context.store.query<{ depth: string; oldest: Date | string | null }>(
      'SELECT count(*)::text AS depth, min(created_at) AS oldest FROM webhook_outbox WHERE delivered_at IS NULL',
    );
    outboxDepth.set(Number(outbox?.depth ?? 0));
    outboxOldestAge.set(
      outbox?.oldest
        ? Math.max(0, (context.clock() - new Date(outbox.oldest).getTime()) / 1000)
        : 0,
    );
    return reply
      .header('Content-Type', metricsRegistry.contentType)
      .send(await metricsRegistry.metrics());
  });
}
