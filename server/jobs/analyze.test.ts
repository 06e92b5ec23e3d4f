import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../storage/openStore';
import { analyzeGrownTables, analyzeStore } from './analyze';
import { openMigratedStore } from '../testing/migratedStore';

let store: Store;
beforeAll(async () => {
  store = await openMigratedStore();
  await analyzeStore(store);
}, 60_000);
afterAll(() => store.close());

const reltuples = async (table: string) =>
  Number(
    (
      await store.query<{ n: number }>('SELECT reltuples AS n FROM pg_class WHERE relname = $1', [
        table,
      ])
    )[0]!.n,
  );

describe('analyzeStore', () => {
  it('leaves a table that never held a row unanalyzed, so the planner keeps its minimum size', async () => {
    // "Analyzed empty" would be believed until the next ANALYZE however much the table grows.
    expect(await reltuples('mounts')).toBe(-1);
    expect(await reltuples('schema_migrations')).toBeGreaterThan(0);
  });
});

describe('analyzeGrownTables', () => {
  it('refreshes the statistics of a table that grew since its last ANALYZE, and of no other', async () => {
    expect(await analyzeGrownTables(store)).toBe(0);
    await store.query(
      `INSERT INTO rate_limit_buckets (key, tokens, at_ms, granted)
       SELECT 'k' || i, 1, 0, true FROM generate_series(1, 5000) AS i`,
    );
    expect(await reltuples('rate_limit_buckets')).toBeLessThan(100);
    expect(await analyzeGrownTables(store)).toBe(1);
    expect(await reltuples('rate_limit_buckets')).toBe(5000);
    // Taken again only after the next growth.
    expect(await analyzeGrownTables(store)).toBe(0);
  });
});
