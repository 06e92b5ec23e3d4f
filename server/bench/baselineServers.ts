/**
 * The bench's two baselines, each run as its own process like the service:
 * - `BENCH_BASELINE=http`: bare `node:http`, reads the body, answers a fixed envelope;
 * - `BENCH_BASELINE=fastify`: a bare Fastify route that does the same HMAC check as the
 *   Session API and one INSERT on the same engine (PGlite in BENCH_DATA_DIR, or PostgreSQL at
 *   DATABASE_URL), then answers the envelope. No logging, no jobs: the floor a create
 *   could reach on this machine.
 * Prints `listening <port>` when ready.
 */
import { createServer } from 'node:http';
import Fastify from 'fastify';
import { verifyRequest } from '../api/sessionApi/hmacAuth';
import { readEnvConfig } from '../config';
import { openStore } from '../storage/openStore';

const answer = JSON.stringify({ status: 100, client_message: 'Success', data: null, time: 0 });
const port = Number(process.env.PORT ?? 0);

if (process.env.BENCH_BASELINE === 'http') {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer));
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
  });
} else {
  const { programs } = readEnvConfig({});
  const store = await openStore({
    dataDir: process.env.BENCH_DATA_DIR,
    databaseUrl: process.env.DATABASE_URL,
  });
  await store.query(
    `CREATE TABLE IF NOT EXISTS bench_creates (
       id bigserial PRIMARY KEY, program text NOT NULL, participant text NOT NULL,
       body jsonb NOT NULL, created_at timestamptz NOT NULL)`,
  );
  const app = Fastify({ logger: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.post('/api/v1/sessions/point-in-time/plugin', async (request, reply) => {
    const rawBody = request.body as Buffer;
    const verified = verifyRequest(
      { method: request.method, url: request.raw.url!, headers: request.headers, rawBody },
      programs,
      Date.now(),
    );
    if (!verified.program) return reply.code(401).send({ status: 13401 });
    const json = JSON.parse(rawBody.toString('utf8')) as { participant_unique_id1: string };
    await store.query(
      'INSERT INTO bench_creates (program, participant, body, created_at) VALUES ($1, $2, $3, $4)',
      [
        verified.program.username,
        json.participant_unique_id1,
        rawBody.toString('utf8'),
        new Date(),
      ],
    );
    return reply.header('Content-Type', 'application/json').send(answer);
  });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
}
