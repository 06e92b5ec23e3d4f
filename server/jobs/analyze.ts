import type { ServiceConfig } from '../config';
import type { Store } from '../storage/store';
import type { Job } from './scheduler';

/** Name of the statistics job on the scheduler. */
export const ANALYZE_JOB = 'analyze';

/** How often the job looks for tables that outgrew their statistics. */
export const GROWTH_CHECK_MS = 5_000;

/**
 * Refreshes the planner's statistics. PostgreSQL's autovacuum does this by itself; PGlite has
 * no autovacuum, and without statistics its planner scans where an index would do (a status
 * list went from 137 ms to 0.14 ms after one ANALYZE).
 */
export async function analyzeStore(store: Store): Promise<void> {
  await store.query('ANALYZE');
}

/**
 * ANALYZEs each table of the schema whose file grew by more than a fifth (plus 8 pages) since
 * its statistics were taken (`relpages`, set by ANALYZE), as autovacuum would; returns how
 * many. Statistics taken at start-up describe empty tables: under load the planner then
 * chose plans that cost a create 3.5 ms of CPU instead of 0.44 ms, and an expiry 1.2 ms per
 * session instead of 0.08 ms. The file size is read rather than the activity counters, which
 * the embedded store does not flush reliably.
 */
export async function analyzeGrownTables(store: Store): Promise<number> {
  const grown = await store.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r'
        AND pg_relation_size(c.oid) > 8192 * (greatest(c.relpages, 0) * 1.2 + 8)`,
  );
  for (const { name } of grown) await store.query(`ANALYZE "${name.replaceAll('"', '""')}"`);
  return grown.length;
}

/**
 * The statistics job of the embedded store: every {@link GROWTH_CHECK_MS} the tables that
 * outgrew their statistics, and a full `ANALYZE` every `analyzeIntervalMs`.
 */
export function analyzeJob(options: {
  store: Store;
  config: Pick<ServiceConfig, 'operations'>;
}): Job {
  let last = Date.now();
  return {
    name: ANALYZE_JOB,
    idleMs: Math.min(options.config.operations.analyzeIntervalMs, GROWTH_CHECK_MS),
    runOnce: async () => {
      if (Date.now() - last < options.config.operations.analyzeIntervalMs)
        await analyzeGrownTables(options.store);
      else {
        last = Date.now();
        await analyzeStore(options.store);
      }
      // Reported as no work, so the scheduler waits its pause instead of running again.
      return 0;
    },
  };
}
