/**
 * `npm run bench:service`: session creates per second with p50/p99 latency, on PGlite and (when
 * TOKENFRAME_TEST_DATABASE_URL or DATABASE_URL is set) on PostgreSQL, each measured beside a
 * bare node:http server that reads the same signed request and answers a fixed JSON body, in
 * the same run on loopback. The ratio says how much of the machine's HTTP capacity a create
 * keeps. Every request uses its own participant and idempotency key, so the rate limiter and
 * replays stay out of the measurement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../storage/openStore';
import { sampleSessionRequest, signRequest } from '../testing/signedClient';
import { startTestApp } from '../testing/testApp';
import { runLoad, type LoadResult } from './loadGenerator';

const PATH = '/api/v1/sessions/point-in-time/plugin';
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const credentials = { username: 'demo', secret: 'demo-secret' };

function createRequest(baseUrl: string, i: number, run: string) {
  const body = JSON.stringify(
    sampleSessionRequest({ participant_unique_id1: `bench-${run}-${i}` }),
  );
  const headers = {
    ...signRequest('POST', PATH, body, credentials, new Date()),
    'Idempotency-Key': `bench-${i}`,
  };
  return fetch(baseUrl + PATH, { method: 'POST', headers, body }).then(async (res) => {
    const json = (await res.json()) as { status: number };
    return json.status === 100;
  });
}

async function startBareServer(): Promise<{ url: string; server: Server }> {
  const answer = JSON.stringify({ status: 100, client_message: 'Success', data: null, time: 0 });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    server,
  };
}

const fmt = (r: LoadResult) =>
  `${r.perSecond.toFixed(0).padStart(6)}/s  p50 ${r.p50Ms.toFixed(1).padStart(6)} ms  p99 ${r.p99Ms.toFixed(1).padStart(6)} ms  (${r.requests} ok, ${r.failures} failed)`;

async function measure(engine: string, databaseUrl?: string): Promise<void> {
  const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'tokenframe-bench-'));
  const store = await openStore({ dataDir, databaseUrl });
  const app = await startTestApp({ store, databaseUrl });
  const bare = await startBareServer();
  const run = Date.now().toString(36);
  try {
    // Warm up both (JIT, connection pools, PGlite caches).
    await runLoad((i) => createRequest(app.url, -1 - i, `${run}w`), {
      concurrency: CONCURRENCY,
      durationMs: 1000,
    });
    await runLoad((i) => createRequest(bare.url, i, run), {
      concurrency: CONCURRENCY,
      durationMs: 500,
    });
    const service = await runLoad((i) => createRequest(app.url, i, run), {
      concurrency: CONCURRENCY,
      durationMs: DURATION_MS,
    });
    const baseline = await runLoad((i) => createRequest(bare.url, i, run).then(() => true), {
      concurrency: CONCURRENCY,
      durationMs: DURATION_MS,
    });
    console.log(`\n${engine} (concurrency ${CONCURRENCY}, ${DURATION_MS} ms each)`);
    console.log(`  session creates : ${fmt(service)}`);
    console.log(`  bare node:http  : ${fmt(baseline)}`);
    console.log(
      `  ratio           : ${((service.perSecond / baseline.perSecond) * 100).toFixed(1)} % of bare throughput`,
    );
  } finally {
    await app.close();
    await store.close();
    await new Promise((resolve) => bare.server.close(resolve));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

const pgUrl = process.env.TOKENFRAME_TEST_DATABASE_URL || process.env.DATABASE_URL;
await measure('PGlite (file-backed data dir)');
if (pgUrl) await measure('PostgreSQL', pgUrl);
else console.log('\nPostgreSQL: skipped (set TOKENFRAME_TEST_DATABASE_URL or DATABASE_URL)');
