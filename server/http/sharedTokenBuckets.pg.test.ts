import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, runMigrations, type Store } from '../storage/openStore';
import { TEST_DATABASE_URL } from '../testing/testDatabaseUrl';
import { takeSharedToken } from './sharedTokenBuckets';

/** Two instances' stores on one database, each counting its take statements. */
const instances: { store: Store; statements: number }[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const real = await openStore({ databaseUrl: TEST_DATABASE_URL, poolSize: 4 });
    await runMigrations(real);
    const instance = { store: real, statements: 0 };
    instance.store = {
      ...real,
      query: (sql, params) => {
        if (/INSERT INTO rate_limit_buckets/.test(sql)) instance.statements++;
        return real.query(sql, params);
      },
    };
    instances.push(instance);
  }
}, 60_000);
afterAll(async () => {
  for (const { store } of instances) await store.close();
});

const limit = { burst: 5, per_second: 1 };

describe('takeSharedToken on PostgreSQL', () => {
  it('takes of different buckets that arrive together share statements, each with its own answer', async () => {
    const [one] = instances;
    one!.statements = 0;
    const now = Date.now();
    const keys = Array.from({ length: 60 }, () => `together-${randomUUID()}`);
    // A used-up bucket among fresh ones: its answer must not leak to the others.
    const spent = `spent-${randomUUID()}`;
    for (let i = 0; i < limit.burst; i++) await takeSharedToken(one!.store, spent, limit, now);
    one!.statements = 0;
    const results = await Promise.all(
      [...keys, spent].map((key) => takeSharedToken(one!.store, key, limit, now)),
    );
    expect(results.slice(0, -1).every((r) => r.ok)).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(one!.statements).toBeLessThan(10);
  });

  it('concurrent takes of one bucket, from two instances, grant exactly the burst', async () => {
    const key = `contended-${randomUUID()}`;
    const now = Date.now();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        takeSharedToken(instances[i % 2]!.store, key, limit, now),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(limit.burst);
    // A second later the bucket has refilled one token, and only one.
    const later = await Promise.all(
      Array.from({ length: 3 }, () => takeSharedToken(instances[0]!.store, key, limit, now + 1000)),
    );
    expect(later.filter((r) => r.ok)).toHaveLength(1);
  });
});
