import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, runMigrations, type Store } from '../../storage/openStore';
import { TEST_DATABASE_URL } from '../../testing/testDatabaseUrl';
import { insertNewSession, NEW_SESSIONS_STATEMENT, type NewSession } from './newSession';

/** One connection, so that its prepared statements can be read back on it. */
let store: Store;
beforeAll(async () => {
  store = await openStore({ databaseUrl: TEST_DATABASE_URL, poolSize: 1 });
  await runMigrations(store);
}, 60_000);
afterAll(() => store.close());

const request = (participant: string): NewSession => ({
  program: 'demo',
  participant_unique_id1: participant,
  host_origin: 'https://shop.example',
  language_locale_code: 'en-US',
  theme_variant: 'light',
  params: { participant_unique_id1: participant },
});

const sessionsOf = async (participants: string[]) =>
  store.query<{ participant_unique_id1: string }>(
    'SELECT participant_unique_id1 FROM sessions WHERE participant_unique_id1 = ANY($1)',
    [participants],
  );

describe('insertNewSession on PostgreSQL', () => {
  it('runs every batch as one prepared statement, planned once per connection', async () => {
    const run = randomUUID();
    for (let round = 0; round < 3; round++)
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          insertNewSession(
            store,
            randomUUID(),
            request(`prepared-${run}-${round}-${i}`),
            Date.now(),
          ),
        ),
      );
    const [prepared] = await store.query<{ executions: number }>(
      `SELECT (generic_plans + custom_plans)::int AS executions
         FROM pg_prepared_statements WHERE name = $1`,
      [NEW_SESSIONS_STATEMENT],
    );
    expect(prepared?.executions).toBeGreaterThanOrEqual(3);
  });

  it('keeps the idempotency rules inside a batch: one session per key, a live key is never taken over', async () => {
    const run = randomUUID();
    const now = Date.now();
    const live = { key: 'live', paramsHash: 'hash', expiresMs: now + 60_000 };
    expect(
      await insertNewSession(store, randomUUID(), request(`live-${run}`), now, live),
    ).toBeDefined();
    // 10 keys sent three times each, all at once, plus the live key again.
    const creates = Array.from({ length: 30 }, (_, i) => ({
      participant: `keyed-${run}-${i % 10}`,
      key: { key: `key-${i % 10}`, paramsHash: 'hash', expiresMs: now + 60_000 },
    }));
    const results = await Promise.all([
      ...creates.map(({ participant, key }) =>
        insertNewSession(store, randomUUID(), request(participant), now, key),
      ),
      insertNewSession(store, randomUUID(), request(`live-${run}`), now, live),
    ]);
    expect(results.filter((r) => r !== undefined)).toHaveLength(10);
    expect(results.at(-1)).toBeUndefined();
    const sessions = await sessionsOf([
      `live-${run}`,
      ...Array.from({ length: 10 }, (_, i) => `keyed-${run}-${i}`),
    ]);
    expect(sessions).toHaveLength(11);
  });

  it('fails a create for its own reason only: the others of its batch are written', async () => {
    const run = randomUUID();
    const taken = randomUUID();
    await insertNewSession(store, taken, request(`first-${run}`), Date.now());
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, (_, i) =>
        insertNewSession(store, randomUUID(), request(`batch-${run}-${i}`), Date.now()),
      ),
      // The same session id again: its insert violates the primary key.
      insertNewSession(store, taken, request(`duplicate-${run}`), Date.now()),
    ]);
    expect(results.map((r) => r.status)).toEqual([...Array(5).fill('fulfilled'), 'rejected']);
    expect(await sessionsOf(Array.from({ length: 5 }, (_, i) => `batch-${run}-${i}`))).toHaveLength(
      5,
    );
    expect(await sessionsOf([`duplicate-${run}`])).toHaveLength(0);
  });
});
