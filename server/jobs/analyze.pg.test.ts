import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, runMigrations, type Store } from '../storage/openStore';
import { TEST_DATABASE_URL } from '../testing/testDatabaseUrl';
import { newSessionRequest } from '../testing/newSessionRequest';
import { insertNewSession } from '../domain/sessions/newSession';
import { readOperationalSettings } from '../runtime/operationalSettings';
import {
  analyzeGrownTables,
  analyzeJob,
  analyzeStore,
  SHARED_GROWTH_CHECK_MS,
  SMALL_STATISTICS_PAGES,
} from './analyze';

// A schema of its own stands in for a new database: every table of it is new and empty.
const schema = `fresh_${randomUUID().replaceAll('-', '')}`;
let admin: Store;
let store: Store;

beforeAll(async () => {
  admin = await openStore({ databaseUrl: TEST_DATABASE_URL, poolSize: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // One connection: the plans below are this connection's, as each pooled one has its own.
  store = await openStore({ databaseUrl: url.toString(), poolSize: 1 });
  await runMigrations(store);
  // What the service does at start-up, after its migrations.
  await analyzeStore(store);
}, 60_000);

afterAll(async () => {
  await store?.close();
  await admin?.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin?.close();
});

/**
 * How the foreign-key check of a timeline row or an authorized URL finds its session: the
 * check's query, prepared once and run on its cached (generic) plan, as PostgreSQL runs it on
 * each connection from the connection's first creates on.
 */
const LOOKUP = `PREPARE session_lookup (text) AS
  SELECT 1 FROM ONLY sessions x WHERE id = $1 FOR KEY SHARE OF x`;

async function sessionLookupPlan(): Promise<string> {
  await store.query('SET plan_cache_mode = force_generic_plan');
  try {
    const plan = await store.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN EXECUTE session_lookup('none')`,
    );
    return plan.map((line) => line['QUERY PLAN']).join('\n');
  } finally {
    await store.query('RESET plan_cache_mode');
  }
}

const reltuples = async (table: string) =>
  Number(
    (
      await store.query<{ n: number }>(
        'SELECT reltuples AS n FROM pg_class WHERE oid = to_regclass($1)',
        [table],
      )
    )[0]!.n,
  );

describe('planner statistics on a new PostgreSQL database', () => {
  it('leaves tables that never held a row unanalyzed at start-up, and analyzes the others', async () => {
    expect(await reltuples('sessions')).toBe(-1);
    expect(await reltuples('schema_migrations')).toBeGreaterThan(0);
  });

  it('keeps the create’s session lookups (its foreign-key checks) index lookups while sessions fills', async () => {
    await store.query(LOOKUP);
    expect(await sessionLookupPlan()).toContain('Index Scan using sessions_pkey');
    for (let batch = 0; batch < 10; batch++)
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          insertNewSession(
            store,
            randomUUID(),
            newSessionRequest(`fills-${batch}-${i}`),
            Date.now(),
          ),
        ),
      );
    expect(await sessionLookupPlan()).toContain('Index Scan using sessions_pkey');
  });

  it('runs the statistics job every second, analyzing only the tables that outgrew theirs', async () => {
    const job = analyzeJob({ store, config: { operations: readOperationalSettings({}, []) } });
    expect(job.idleMs).toBe(SHARED_GROWTH_CHECK_MS);
    expect(SHARED_GROWTH_CHECK_MS).toBe(1000);
    await store.query(
      `INSERT INTO rate_limit_buckets (key, tokens, at_ms, granted)
       SELECT 'grown-' || i, 1, 0, true FROM generate_series(1, 5000) AS i`,
    );
    await job.runOnce();
    const analyzed = await store.query<{ relname: string }>(
      `SELECT relname FROM pg_stat_user_tables WHERE schemaname = $1 AND last_analyze IS NOT NULL`,
      [schema],
    );
    // The start-up ANALYZE took the migrations' table; the job took the one that grew.
    expect(analyzed.map((t) => t.relname)).toContain('rate_limit_buckets');
    expect(analyzed.map((t) => t.relname)).not.toContain('mounts');
  });

  it('leaves a grown table that another session is analyzing or vacuuming for the next pass', async () => {
    await store.query(
      `INSERT INTO rate_limit_buckets (key, tokens, at_ms, granted)
       SELECT 'held-' || i, 1, 0, true FROM generate_series(1, 20000) AS i`,
    );
    const before = await reltuples('rate_limit_buckets');
    // The lock ANALYZE and VACUUM take, held as autovacuum or another instance would hold it.
    const pass = await admin.transaction(async (other) => {
      await other.query(`LOCK TABLE ${schema}.rate_limit_buckets IN SHARE UPDATE EXCLUSIVE MODE`);
      return Promise.race([
        analyzeGrownTables(store).then(() => 'done'),
        new Promise((resolve) => setTimeout(resolve, 20_000, 'waited for the lock')),
      ]);
    });
    expect(pass).toBe('done');
    expect(await reltuples('rate_limit_buckets')).toBe(before);
    await analyzeGrownTables(store);
    expect(await reltuples('rate_limit_buckets')).toBe(25_000);
  });

  it('leaves a table whose statistics already say 128 pages or more to autovacuum', async () => {
    const [statistics] = await store.query<{ relpages: number }>(
      `SELECT relpages FROM pg_class WHERE oid = to_regclass('rate_limit_buckets')`,
    );
    expect(statistics!.relpages).toBeGreaterThanOrEqual(SMALL_STATISTICS_PAGES);
    await store.query(
      `INSERT INTO rate_limit_buckets (key, tokens, at_ms, granted)
       SELECT 'large-' || i, 1, 0, true FROM generate_series(1, 20000) AS i`,
    );
    const job = analyzeJob({ store, config: { operations: readOperationalSettings({}, []) } });
    await job.runOnce();
    expect(await reltuples('rate_limit_buckets')).toBe(25_000);
    // It did grow past its statistics: the embedded store's job would have taken it.
    expect(await analyzeGrownTables(store)).toBe(1);
    expect(await reltuples('rate_limit_buckets')).toBe(45_000);
  });
});
