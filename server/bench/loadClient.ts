/**
 * The bench's load client, run as its own process so that signing, JSON parsing and the
 * client's event loop never share a CPU slice with the server under test. Every request is
 * signed BEFORE the timed run starts; the run then replays them in a closed loop (a
 * participant comes round again only after the whole pool, so the per-participant rate limit
 * stays out of the measurement). Prints one JSON {@link LoadResult} line.
 *
 * Environment: BENCH_URL, BENCH_CONCURRENCY, BENCH_DURATION_MS, BENCH_POOL (requests signed),
 * BENCH_RUN (a unique prefix for participants).
 */
import { Agent, request as httpRequest } from 'node:http';
import { sampleSessionRequest, signRequest } from '../testing/signedClient';
import { runLoad } from './loadGenerator';

const PATH = '/api/v1/sessions/point-in-time/plugin';
const url = new URL(process.env.BENCH_URL!);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const durationMs = Number(process.env.BENCH_DURATION_MS ?? 5000);
const pool = Number(process.env.BENCH_POOL ?? 20_000);
const run = process.env.BENCH_RUN ?? Date.now().toString(36);
const credentials = { username: 'demo', secret: 'demo-secret' };

interface Signed {
  body: Buffer;
  headers: Record<string, string>;
}

const signed: Signed[] = [];
const date = new Date();
for (let i = 0; i < pool; i++) {
  const body = Buffer.from(
    JSON.stringify(sampleSessionRequest({ participant_unique_id1: `bench-${run}-${i}` })),
  );
  signed.push({ body, headers: signRequest('POST', PATH, body, credentials, date) });
}

const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

// One counter over warm-up and run: a participant recurs only after the whole pool.
let sent = 0;

function send(): Promise<boolean> {
  const { body, headers } = signed[sent++ % pool]!;
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: PATH,
        method: 'POST',
        agent,
        headers: { ...headers, 'Content-Length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(
              (JSON.parse(Buffer.concat(chunks).toString()) as { status: number }).status === 100,
            );
          } catch {
            resolve(false);
          }
        });
      },
    );
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

// Warm-up outside the timed run (JIT, keep-alive sockets, the server's caches).
await runLoad(send, { concurrency, durationMs: Math.min(1000, durationMs / 4) });
const result = await runLoad(send, { concurrency, durationMs });
agent.destroy();
console.log(JSON.stringify(result));
