/**
 * `npm run bench:soak`: does every table level off under a long mixed load? (PRODUCT.md §10:
 * nothing grows without bound.)
 * - The bundled service runs as a process (`node dist/server/main.js`, JSON logs at `info`
 *   to a file, every job on) on PostgreSQL, with a real webhook receiver and the retention
 *   ages shortened through its environment.
 * - Load from this process, SOAK_CONCURRENCY (8) loops of: creates with fresh idempotency
 *   keys, replays of recent keys (101), exchanges of fresh authorized_urls, terminations.
 *   Participants come from a pool, as a program's do, so per-participant state is bounded.
 * - Every SOAK_SAMPLE_MS (30 s) it prints the row count of every table; at the end, how much
 *   each table grew in the first and the last third of the run.
 * Needs TOKENFRAME_TEST_DATABASE_URL or DATABASE_URL (the counts are read over a second
 * connection, which the embedded store cannot offer). SOAK_DURATION_MS defaults to 10 min.
 * Rows are left behind for inspection: point it at a scratch database.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, openSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../runtime/paths';
import { freePort } from '../testing/freePort';
import { sampleSessionRequest, SignedClient } from '../testing/signedClient';
import { exchangeAuthorizedUrl } from '../testing/exchangeAuthorizedUrl';

const DURATION_MS = Number(process.env.SOAK_DURATION_MS ?? 600_000);
const SAMPLE_MS = Number(process.env.SOAK_SAMPLE_MS ?? 30_000);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 8);
const PARTICIPANTS = Number(process.env.SOAK_PARTICIPANTS ?? 2000);
const ENTRY = join(REPO_ROOT, 'dist/server/main.js');
const databaseUrl = process.env.TOKENFRAME_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
// Short ages, so that a few minutes show what days would: retention runs every 5 s.
const RETENTION = {
  TOKENFRAME_RETAIN_EXPIRED_IDEMPOTENCY_KEYS: '10s',
  TOKENFRAME_RETAIN_DELIVERED_WEBHOOKS: '30s',
  TOKENFRAME_RETAIN_TIMELINE: '60s',
  TOKENFRAME_RETAIN_UNCONFIRMED_VAULT_PAYLOADS: '30s',
  TOKENFRAME_RETENTION_INTERVAL: '5s',
};

if (!databaseUrl) {
  console.error('bench:soak needs TOKENFRAME_TEST_DATABASE_URL or DATABASE_URL (PostgreSQL).');
  process.exit(2);
}
if (!existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run \`npm run build\` first.`);
  process.exit(2);
}

// The receiver: answers every delivery 200, counts them.
let webhooksReceived = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    webhooksReceived++;
    res.writeHead(200).end('ok');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverPort = (receiver.address() as { port: number }).port;

const port = await freePort();
const logFile = join(mkdtempSync(join(tmpdir(), 'tokenframe-soak-')), 'service.log');
const service = spawn(process.execPath, [ENTRY], {
  cwd: REPO_ROOT,
  env: {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    TOKENFRAME_VAULT_KEY: Buffer.alloc(32, 1).toString('base64'),
    TOKENFRAME_WEBHOOK_URL: `http://127.0.0.1:${receiverPort}/hooks`,
    TOKENFRAME_WEBHOOK_SECRET: 'whsec_soak',
    ...RETENTION,
  },
  stdio: ['ignore', openSync(logFile, 'a'), 'inherit'],
});
const baseUrl = `http://127.0.0.1:${port}`;
for (;;) {
  if (service.exitCode !== null) throw new Error(`the service exited with ${service.exitCode}`);
  if (
    await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const client = new SignedClient({ baseUrl, username: 'demo', secret: 'demo-secret' });
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const tables = (
  await db.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  )
).rows.map((r) => r.tablename);

/** Row counts of every table, in `tables` order. */
async function counts(): Promise<number[]> {
  const sql = tables.map((t) => `(SELECT count(*) FROM "${t}")::bigint AS "${t}"`).join(', ');
  const row = (await db.query<Record<string, string>>(`SELECT ${sql}`)).rows[0]!;
  return tables.map((t) => Number(row[t]));
}

const outcomes = new Map<string, number>();
const count = (what: string) => outcomes.set(what, (outcomes.get(what) ?? 0) + 1);
/** Recent creates: replays, exchanges and terminations pick from these. */
const recent: { body: Record<string, unknown>; key: string; url: string; id: string }[] = [];
let exchangedAt = 0;

async function step(): Promise<void> {
  const roll = Math.random();
  const pick = recent[Math.floor(Math.random() * recent.length)];
  if (roll < 0.15 && pick) {
    const res = await client.createSession(pick.body, pick.key);
    count(`replay ${(res.body as { status: number }).status}`);
  } else if (roll < 0.2 && pick && Date.now() - exchangedAt > 200) {
    // The exchange is limited per client IP (10/s), and all of this comes from one address.
    exchangedAt = Date.now();
    const res = await exchangeAuthorizedUrl(baseUrl, pick.url);
    await res.arrayBuffer();
    count(`exchange ${res.status}`);
  } else if (roll < 0.25 && pick) {
    const res = await client.send('POST', `/api/v1/sessions/${pick.id}/terminate`);
    count(`terminate ${res.httpStatus}`);
  } else {
    const participant = `soak-${Math.floor(Math.random() * PARTICIPANTS)}`;
    const body = sampleSessionRequest({ participant_unique_id1: participant });
    const key = randomUUID();
    const res = await client.createSession(body, key);
    count(`create ${res.body.status}`);
    if (res.body.status === 100) {
      recent.push({
        body,
        key,
        url: res.body.data.authorized_url,
        id: res.body.data.session_identifier,
      });
      if (recent.length > 500) recent.shift();
    }
  }
}

const started = Date.now();
const samples: { at: number; rows: number[] }[] = [];
const print = (at: number, rows: number[]) =>
  console.log(
    `${String(Math.round(at / 1000)).padStart(6)}` +
      rows.map((n, i) => String(n).padStart(Math.max(10, tables[i]!.length + 1))).join(''),
  );
console.log(
  `bench:soak — ${DURATION_MS / 1000} s, ${CONCURRENCY} clients, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; retention ${JSON.stringify(RETENTION)}; service log ${logFile}`,
);
console.log(`   t/s${tables.map((t) => t.padStart(Math.max(10, t.length + 1))).join('')}`);
const sample = async () => {
  const at = Date.now() - started;
  const rows = await counts();
  samples.push({ at, rows });
  print(at, rows);
};
await sample();
const sampler = setInterval(() => void sample(), SAMPLE_MS);
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() - started < DURATION_MS)
      await step().catch((error: Error) => count(`error ${error.name}`));
  }),
);
clearInterval(sampler);
await sample();

const seconds = (Date.now() - started) / 1000;
console.log(
  `\nrequests (${seconds.toFixed(0)} s): ${JSON.stringify(Object.fromEntries(outcomes))}`,
);
console.log(`webhooks received: ${webhooksReceived}`);
// Growth over the first and the last third of the run, per minute and per 1,000 new
// sessions (the load's pace drifts on a shared machine): a table that levels off grows much
// less at the end than at the start; `sessions` (and their authorized_urls and mounts) are
// kept by design.
const growth = (from: number, to: number) => {
  const inRange = samples.filter((s) => s.at >= from && s.at <= to);
  const [a, b] = [inRange[0]!, inRange.at(-1)!];
  const created = b.rows[tables.indexOf('sessions')]! - a.rows[tables.indexOf('sessions')]!;
  return tables.map((_, i) => {
    const rows = b.rows[i]! - a.rows[i]!;
    return `${((rows * 60_000) / Math.max(1, b.at - a.at)).toFixed(0).padStart(8)}/min ${((rows * 1000) / Math.max(1, created)).toFixed(0).padStart(6)}/1k`;
  });
};
const end = samples.at(-1)!.at;
const first = growth(0, end / 3);
const last = growth((2 * end) / 3, end);
console.log('\ngrowth          first third                 last third');
tables.forEach((t, i) => console.log(`  ${t.padEnd(22)} ${first[i]}   ${last[i]}`));
service.kill('SIGTERM');
await new Promise((resolve) => service.once('exit', resolve));
await db.end();
receiver.close();
