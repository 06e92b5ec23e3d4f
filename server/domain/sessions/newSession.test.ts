import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../storage/openStore';
import { insertNewSession } from './newSession';
import { newSessionRequest } from '../../testing/newSessionRequest';
import { openMigratedStore } from '../../testing/migratedStore';

let store: Store;
let statements = 0;
/** The store, counting the statements that write sessions. */
let counted: Store;
beforeAll(async () => {
  store = await openMigratedStore();
  counted = {
    ...store,
    query: (sql, params) => {
      if (/INSERT INTO sessions/.test(sql)) statements++;
      return store.query(sql, params);
    },
  };
}, 60_000);
afterAll(() => store.close());

describe('insertNewSession', () => {
  it('creates that arrive together share statements, and each session gets its URL, counts and two events in order', async () => {
    statements = 0;
    const now = Date.now();
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const results = await Promise.all(
      ids.map((id, i) =>
        insertNewSession(counted, id, newSessionRequest(`together-${i}`), now, {
          key: `key-${i}`,
          paramsHash: 'hash',
          expiresMs: now + 60_000,
        }),
      ),
    );
    expect(results.map((r) => (r.kind === 'created' ? r.session.id : r.kind))).toEqual(ids);
    expect(statements).toBeLessThan(ids.length / 4);
    const events = await store.query<{ session_id: string; event_name: string }>(
      'SELECT session_id, event_name FROM session_events WHERE session_id = ANY($1) ORDER BY seq',
      [ids],
    );
    for (const id of ids)
      expect(events.filter((e) => e.session_id === id).map((e) => e.event_name)).toEqual([
        'session.created',
        'session.authorized_url_issued',
      ]);
    const [urls] = await store.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM authorized_urls WHERE session_id = ANY($1)',
      [ids],
    );
    expect(urls!.n).toBe(ids.length);
    const [keys] = await store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM idempotency_keys WHERE participant_unique_id1 LIKE 'together-%'",
    );
    expect(keys!.n).toBe(ids.length);
  });

  it('of two creates with one key sent together, exactly one writes a session; the other is told to replay', async () => {
    const now = Date.now();
    const key = { key: 'shared', paramsHash: 'hash', expiresMs: now + 60_000 };
    const results = await Promise.all(
      [randomUUID(), randomUUID(), randomUUID()].map((id) =>
        insertNewSession(counted, id, newSessionRequest('one-key'), now, key),
      ),
    );
    expect(results.filter((r) => r.kind === 'created')).toHaveLength(1);
    const [sessions] = await store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sessions WHERE participant_unique_id1 = 'one-key'",
    );
    expect(sessions!.n).toBe(1);
  });

  it('the statement answers whether each session was written, and sends none of its values back', async () => {
    const answers: Record<string, unknown>[][] = [];
    const watching: Store = {
      ...store,
      query: async <T>(sql: string, params?: readonly unknown[]) => {
        const rows = await store.query<T>(sql, params);
        if (/INSERT INTO sessions/.test(sql)) answers.push(rows as Record<string, unknown>[]);
        return rows;
      },
    };
    const id = randomUUID();
    const result = await insertNewSession(watching, id, newSessionRequest('answer'), Date.now());
    expect(result).toMatchObject({
      kind: 'created',
      session: { id, participant_unique_id1: 'answer', participant_unique_id2: null },
    });
    // The service holds every value it wrote: parsing them back (params, dates) is wasted work.
    expect(answers.flat().map((row) => Object.keys(row).sort())).toEqual([
      ['bucket_granted', 'bucket_tokens', 'input_id', 'written'],
    ]);
  });

  it('on PostgreSQL keeps at most 4 create statements open; later creates wait and share the next', async () => {
    let open = 0;
    let mostOpen = 0;
    let written = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The embedded store behind a PostgreSQL face, each create statement held until released.
    const held: Store = {
      ...store,
      engine: 'postgres',
      query: async (sql, params) => {
        if (!/INSERT INTO sessions/.test(sql)) return store.query(sql, params);
        open++;
        written++;
        mostOpen = Math.max(mostOpen, open);
        await gate;
        try {
          return await store.query(sql, params);
        } finally {
          open--;
        }
      },
    };
    const creates = [];
    // One create per turn of the event loop: each would start a statement of its own.
    for (let i = 0; i < 12; i++) {
      creates.push(
        insertNewSession(held, randomUUID(), newSessionRequest(`held-${i}`), Date.now()),
      );
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(mostOpen).toBe(4);
    release();
    const results = await Promise.all(creates);
    expect(results.map((r) => r.kind)).toEqual(Array(12).fill('created'));
    expect(mostOpen).toBe(4);
    // The 8 that waited went in one statement once a slot freed.
    expect(written).toBe(5);
  });
});
