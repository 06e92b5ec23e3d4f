import type { ServiceConfig } from '../config';
import type { Store } from '../storage/store';
import type { Job } from './scheduler';

/** Name of the statistics job on the scheduler. */
export const ANALYZE_JOB = 'analyze';

/** How often the job looks for tables that outgrew their statistics, on the embedded store. */
export const GROWTH_CHECK_MS = 5_000;

/**
 * The same on PostgreSQL, where the check (one catalogue query, ≈ 1 ms) runs on its own
 * connection beside the creates instead of in the embedded store's one queue: each second a
 * stale plan stays is a second of every create paying for it.
 */
export const SHARED_GROWTH_CHECK_MS = 1_000;

/**
 * On PostgreSQL the job refreshes only statistics that describe a table of fewer pages than
 * this (1 MB). That is where plans flip: a lookup by primary key is a sequential scan while the
 * statistics say a few pages, and a cached plan keeps it however large the table grows. Past
 * it, lookups are planned as index scans and autovacuum keeps the rest; an ANALYZE of a larger
 * table costs tenths of a second (`sessions`, 3,900 pages: 0.47 s), too much to repeat at
 * every fifth of growth.
 */
export const SMALL_STATISTICS_PAGES = 128;

/** The names of the schema's tables (`c` in `condition`, a `pg_class` row) that meet `condition`. */
async function schemaTables(
  store: Store,
  condition: string,
  params: unknown[] = [],
): Promise<string[]> {
  const tables = await store.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND ${condition}
      ORDER BY c.relname`,
    params,
  );
  return tables.map((t) => t.name);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Refreshes the planner's statistics of every table that has ever held a row. PostgreSQL's
 * autovacuum does this by itself; PGlite has no autovacuum, and without statistics its planner
 * scans where an index would do (a status list went from 137 ms to 0.14 ms after one ANALYZE).
 *
 * A table that never held a row is left unanalyzed on purpose. Statistics of an empty table
 * say "empty" until the next ANALYZE, however much it grows, whereas a never-analyzed table is
 * costed at 10 pages at least: its primary key stays an index lookup. That is the lookup the
 * foreign-key check of every timeline row and authorized URL makes on `sessions`; planned on
 * "empty", it became a sequential scan that each create repeated three times over a table
 * growing by thousands of rows a second (measured on a fresh PostgreSQL: 0.8 → 2.6 ms of
 * database CPU per 5-create statement within 4,000 sessions, 0.5 ms once analyzed).
 */
export async function analyzeStore(store: Store): Promise<void> {
  // Ever held a row: its file has a page.
  const tables = await schemaTables(store, 'pg_relation_size(c.oid) > 0');
  if (tables.length > 0) await store.query(`ANALYZE ${tables.map(quoted).join(', ')}`);
}

/**
 * ANALYZEs each table of the schema whose file grew by more than a fifth (plus 8 pages) since
 * its statistics were taken (`relpages`, set by ANALYZE), as autovacuum would; returns how
 * many; with `statisticsUnderPages`, only those whose statistics say fewer pages than that.
 * Statistics taken at start-up describe empty tables: under load the planner then
 * chose plans that cost a create 3.5 ms of CPU instead of 0.44 ms, and an expiry 1.2 ms per
 * session instead of 0.08 ms. The file size is read rather than the activity counters, which
 * the embedded store does not flush reliably. A table that is locked by another ANALYZE or a
 * VACUUM is left for the next pass.
 */
export async function analyzeGrownTables(
  store: Store,
  statisticsUnderPages?: number,
): Promise<number> {
  const grown = await schemaTables(
    store,
    `pg_relation_size(c.oid) > 8192 * (greatest(c.relpages, 0) * 1.2 + 8)
        AND ($1::int IS NULL OR c.relpages < $1::int)`,
    [statisticsUnderPages ?? null],
  );
  // SKIP_LOCKED: a table another instance or autovacuum is already at is skipped, not waited
  // for (waiting on autovacuum past deadlock_timeout would cancel it).
  for (const name of grown) await store.query(`ANALYZE (SKIP_LOCKED) ${quoted(name)}`);
  return grown.length;
}

/**
 * The statistics job: every {@link GROWTH_CHECK_MS} the tables that outgrew their statistics,
 * and, as the embedded store has no autovacuum, a full `ANALYZE` every `analyzeIntervalMs`.
 * On PostgreSQL autovacuum keeps the statistics, but it visits a database once a minute
 * (`autovacuum_naptime`): a table that fills from nothing under load (a new database) runs
 * meanwhile on plans made for its first rows, and cached plans keep them. There the job looks
 * every {@link SHARED_GROWTH_CHECK_MS} at the tables whose statistics say fewer than
 * {@link SMALL_STATISTICS_PAGES} pages.
 */
export function analyzeJob(options: {
  store: Store;
  config: Pick<ServiceConfig, 'operations'>;
}): Job {
  const { store } = options;
  const fullEveryMs = options.config.operations.analyzeIntervalMs;
  let last = Date.now();
  return {
    name: ANALYZE_JOB,
    idleMs:
      store.engine === 'pglite' ? Math.min(fullEveryMs, GROWTH_CHECK_MS) : SHARED_GROWTH_CHECK_MS,
    runOnce: async () => {
      if (store.engine !== 'pglite') await analyzeGrownTables(store, SMALL_STATISTICS_PAGES);
      else if (Date.now() - last < fullEveryMs) await analyzeGrownTables(store);
      else {
        last = Date.now();
        await analyzeStore(store);
      }
      // Reported as no work, so the scheduler waits its pause instead of running again.
      return 0;
    },
  };
}
