import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, runMigrations, type Store } from '../../storage/openStore';
import { TEST_DATABASE_URL } from '../../testing/testDatabaseUrl';
import { bucketKey } from '../../http/sharedTokenBuckets';
import { insertNewSession } from './newSession';
import { newSessionRequest } from '../../testing/newSessionRequest';
import { NEW_SESSIONS_STATEMENTS } from './newSessionsStatement';

/** One connection, so that its prepared statements can be read back on it. */
let store: Store;
beforeAll(async () => {
  store = await openStore({ databaseUrl: TEST_DATABASE_URL, poolSize: 1 });
  await runMigrations(store);
}, 60_000);
afterAll(() => store.close());

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
            newSessionRequest(`prepared-${run}-${round}-${i}`),
            Date.now(),
          ),
        ),
      );
    const [prepared] = await store.query<{ executions: number }>(
      `SELECT (generic_plans + custom_plans)::int AS executions
         FROM pg_prepared_statements WHERE name = $1`,
      [NEW_SESSIONS_STATEMENTS.plain.name],
    );
    expect(prepared?.executions).toBeGreaterThanOrEqual(3);
  });

  it('keeps the idempotency rules inside a batch: one session per key, a live key is never taken over', async () => {
    const run = randomUUID();
    const now = Date.now();
    const live = { key: 'live', paramsHash: 'hash', expiresMs: now + 60_000 };
    expect(
      (await insertNewSession(store, randomUUID(), newSessionRequest(`live-${run}`), now, live))
        .kind,
    ).toBe('created');
    // 10 keys sent three times each, all at once, plus the live key again.
    const creates = Array.from({ length: 30 }, (_, i) => ({
      participant: `keyed-${run}-${i % 10}`,
      key: { key: `key-${i % 10}`, paramsHash: 'hash', expiresMs: now + 60_000 },
    }));
    const results = await Promise.all([
      ...creates.map(({ participant, key }) =>
        insertNewSession(store, randomUUID(), newSessionRequest(participant), now, key),
      ),
      insertNewSession(store, randomUUID(), newSessionRequest(`live-${run}`), now, live),
    ]);
    expect(results.filter((r) => r.kind === 'created')).toHaveLength(10);
    expect(results.at(-1)).toEqual({ kind: 'key_taken' });
    const sessions = await sessionsOf([
      `live-${run}`,
      ...Array.from({ length: 10 }, (_, i) => `keyed-${run}-${i}`),
    ]);
    expect(sessions).toHaveLength(11);
  });

  it('fails a create for its own reason only: the others of its batch are written', async () => {
    const run = randomUUID();
    const taken = randomUUID();
    await insertNewSession(store, taken, newSessionRequest(`first-${run}`), Date.now());
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, (_, i) =>
        insertNewSession(store, randomUUID(), newSessionRequest(`batch-${run}-${i}`), Date.now()),
      ),
      // The same session id again: its insert violates the primary key.
      insertNewSession(store, taken, newSessionRequest(`duplicate-${run}`), Date.now()),
    ]);
    expect(results.map((r) => r.status)).toEqual([...Array(5).fill('fulfilled'), 'rejected']);
    expect(await sessionsOf(Array.from({ length: 5 }, (_, i) => `batch-${run}-${i}`))).toHaveLength(
      5,
    );
    expect(await sessionsOf([`duplicate-${run}`])).toHaveLength(0);
  });

  it("takes the participant's token in its own statement: an empty bucket writes nothing", async () => {
    const run = randomUUID();
    let statements = 0;
    const counting: Store = {
      ...store,
      query: (sql, params, name) => {
        statements++;
        return store.query(sql, params, name);
      },
    };
    const participant = `limited-${run}`;
    const take = { key: bucketKey(`demo\u0000${participant}`), limit: { burst: 3, per_second: 1 } };
    const now = Date.now();
    // Five creates of one participant at once: its bucket is one row, so they queue.
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        insertNewSession(
          counting,
          randomUUID(),
          newSessionRequest(participant),
          now,
          undefined,
          take,
        ),
      ),
    );
    expect(results.map((r) => r.kind)).toEqual([
      'created',
      'created',
      'created',
      'rate_limited',
      'rate_limited',
    ]);
    expect(results.at(-1)).toEqual({ kind: 'rate_limited', retryAfterSeconds: 1 });
    expect(statements).toBe(5);
    expect(await sessionsOf([participant])).toHaveLength(3);
    // A replayed key spends its token too, as when the take ran before the create: the
    // fourth create of the participant finds the bucket empty.
    const key = { key: 'k', paramsHash: 'hash', expiresMs: now + 60_000 };
    const other = `${participant}-keyed`;
    const keyedTake = { ...take, key: bucketKey(`demo\u0000${other}`) };
    const first = await insertNewSession(
      store,
      randomUUID(),
      newSessionRequest(other),
      now,
      key,
      keyedTake,
    );
    const replays = await Promise.all(
      Array.from({ length: 3 }, () =>
        insertNewSession(store, randomUUID(), newSessionRequest(other), now, key, keyedTake),
      ),
    );
    expect([first, ...replays].map((r) => r.kind)).toEqual([
      'created',
      'key_taken',
      'key_taken',
      'rate_limited',
    ]);
  });
});
