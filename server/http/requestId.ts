import type { FastifyInstance } from 'fastify';

/** Every response names its request (`X-Request-Id`), the id the logs carry (PRODUCT.md §10). */
export function installRequestIds(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
}
