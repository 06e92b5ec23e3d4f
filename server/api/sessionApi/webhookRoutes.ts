import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../context';
import {
  deliveriesOfSession,
  deliveryOfEvent,
  resendDelivery,
} from '../../domain/events/webhookDeliveries';
import { API_STATUS, sendEnvelope } from './envelope';

/**
 * Ops API for webhook deliveries (PRODUCT.md §7): the delivery log per session and per event
 * (attempts, last status, last error, next try), and a resend. Scoped to the authenticated
 * program like every ops route; another program's ids answer 13404.
 */
export async function webhookRoutes(app: FastifyInstance, context: ServiceContext): Promise<void> {
  const { store } = context;

  app.get<{ Params: { id: string } }>('/api/v1/sessions/:id/webhooks', async (request, reply) => {
    const program = request.program!.username;
    const known = await store.query('SELECT 1 FROM sessions WHERE id = $1 AND program = $2', [
      request.params.id,
      program,
    ]);
    if (known.length === 0) return sendEnvelope(request, reply, API_STATUS.NOT_FOUND);
    return sendEnvelope(request, reply, API_STATUS.OK, {
      deliveries: await deliveriesOfSession(store, program, request.params.id),
    });
  });

  app.get<{ Params: { event_id: string } }>(
    '/api/v1/webhooks/:event_id',
    async (request, reply) => {
      const delivery = await deliveryOfEvent(
        store,
        request.program!.username,
        request.params.event_id,
      );
      if (!delivery) return sendEnvelope(request, reply, API_STATUS.NOT_FOUND);
      return sendEnvelope(request, reply, API_STATUS.OK, delivery);
    },
  );

  app.post<{ Params: { event_id: string } }>(
    '/api/v1/webhooks/:event_id/resend',
    async (request, reply) => {
      const delivery = await resendDelivery(
        store,
        request.program!.username,
        request.params.event_id,
        context.clock(),
      );
      if (!delivery) return sendEnvelope(request, reply, API_STATUS.NOT_FOUND);
      return sendEnvelope(request, reply, API_STATUS.OK, delivery);
    },
  );
}
