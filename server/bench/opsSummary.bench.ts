/**
 * `npm run bench:summary`: the ops list (`GET /api/v1/sessions`) with `include_summary=true`
 * at 1,000 and at 1,000,000 sessions of one program, on PGlite (a data directory) and on
 * PostgreSQL when TOKENFRAME_TEST_DATABASE_URL or DATABASE_URL is set. Target (PRODUCT.md
 * §10, nothing slows without bound): every query at 1M at least half as fast as at 1k.
 * Sessions are seeded with `generate_series` over 30 days: each participant_unique_id1 has
 * 10 sessions, each participant_unique_id2 5, states in fixed shares. Each query runs
 * BENCH_RUNS (20) times after 10 warm-ups, through the real app over HTTP; the median counts.
 * The PostgreSQL database must hold no sessions (a scratch database); the seeded rows are
 * deleted at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../storage/openStore';
import { startTestApp } from '../testing/testApp';

const SIZES = (process.env.BENCH_SESSIONS ?? '1000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARM_UPS = 10;
const DAY_MS = 86_400_000;
const SPAN_MS = 30 * DAY_MS;

/** Replaces the program's sessions by `n` seeded ones (and their kept state counts). */
async function seed(store: Store, n: number, now: number): Promise<void> {
  await store.query("DELETE FROM sessions WHERE program = 'demo'");
  await store.query("DELETE FROM session_state_counts WHERE program = 'demo'");
  await store.query("DELETE FROM session_hour_counts WHERE program = 'demo'");
  await store.query(
    `INSERT INTO sessions (id, program, participant_unique_id1, participant_unique_id2, state,
       params, host_origin, language_locale_code, theme_variant, tracer_token, url_expires_ms,
       created_at, updated_at)
     SELECT 'seed-' || i, 'demo', 'p-' || (i % ($1 / 10)), 'c-' || (i % ($1 / 5)),
            (ARRAY['active','active','active','expired','expired','expired','completed',
                   'completed','canceled','terminated'])[1 + i % 10],
            '{}'::jsonb, 'http://localhost:3000', 'en-US', 'light', 'trc_seed', 0,
            to_timestamp(($2 - i * ($3 / $1)) / 1000.0), to_timestamp(($2 - i * ($3 / $1)) / 1000.0)
       FROM generate_series(1, $1::bigint) AS i`,
    [n, now, SPAN_MS],
  );
  await store.query(
    `INSERT INTO session_state_counts (program, state, shard, sessions)
     SELECT program, state, 0, count(*) FROM sessions WHERE program = 'demo' GROUP BY program, state`,
  );
  await store.query(
    `INSERT INTO session_hour_counts (program, created_hour, state, shard, sessions)
     SELECT program, floor(extract(epoch FROM created_at) / 3600)::bigint, state, 0, count(*)
       FROM sessions WHERE program = 'demo' GROUP BY 1, 2, 3`,
  );
  await store.query('ANALYZE');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function measure(engine: string, databaseUrl?: string): Promise<void> {
  const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'tokenframe-summary-'));
  const store = await openStore({ dataDir, databaseUrl });
  const t = await startTestApp({ store });
  const [{ n }] = (await store.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions')) as [
    { n: number },
  ];
  if (n > 0) throw new Error(`${engine}: the database already holds ${n} sessions`);
  const now = Date.now();
  const queries: [string, string][] = [
    ['no filter', ''],
    ['status=active', '&status=active'],
    ['participant_unique_id1', '&participant_unique_id1=p-7'],
    ['participant_unique_id2', '&participant_unique_id2=c-7'],
    ['last 24 h', `&created_from=${new Date(now - DAY_MS).toISOString()}`],
    [
      'a day a week ago',
      `&created_from=${new Date(now - 8 * DAY_MS).toISOString()}&created_to=${new Date(now - 7 * DAY_MS).toISOString()}`,
    ],
  ];
  const results = new Map<string, number[]>();
  for (const size of SIZES) {
    const seeding = performance.now();
    await seed(store, size, now);
    console.log(
      `${engine}: seeded ${size} sessions in ${(performance.now() - seeding).toFixed(0)} ms`,
    );
    for (const [name, filter] of queries) {
      const path = `/api/v1/sessions?limit=20&include_summary=true${filter}`;
      const times: number[] = [];
      for (let run = 0; run < RUNS + WARM_UPS; run++) {
        const start = performance.now();
        // A keep-alive socket left idle during the seeding may be closed under the request.
        const res = await t.client
          .send<{ status: number }>('GET', path)
          .catch(() => t.client.send<{ status: number }>('GET', path));
        if (res.body.status !== 100) throw new Error(`${path}: status ${res.body.status}`);
        if (run >= WARM_UPS) times.push(performance.now() - start);
      }
      results.set(name, [...(results.get(name) ?? []), median(times)]);
    }
  }
  console.log(
    `\n${engine}: GET /api/v1/sessions?limit=20&include_summary=true, median of ${RUNS} (ms)`,
  );
  console.log(
    `  ${'filter'.padEnd(24)}${SIZES.map((s) => String(s).padStart(10)).join('')}  speed at largest vs smallest`,
  );
  for (const [name, times] of results)
    console.log(
      `  ${name.padEnd(24)}${times.map((ms) => ms.toFixed(2).padStart(10)).join('')}  ${((100 * times[0]!) / times.at(-1)!).toFixed(0).padStart(6)} %`,
    );
  await store.query("DELETE FROM sessions WHERE program = 'demo'");
  await store.query("DELETE FROM session_state_counts WHERE program = 'demo'");
  await store.query("DELETE FROM session_hour_counts WHERE program = 'demo'");
  await t.close();
  await store.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

await measure('PGlite (embedded)');
const databaseUrl = process.env.TOKENFRAME_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (databaseUrl) await measure('PostgreSQL', databaseUrl);
