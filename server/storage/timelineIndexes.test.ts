import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './store';
import { openMigratedStore } from '../testing/migratedStore';

let store: Store;
beforeAll(async () => {
  store = await openMigratedStore();
}, 60_000);
afterAll(() => store.close());

describe('the timeline table (session_events)', () => {
  it('keeps only the indexes its queries read: the session’s timeline in order, and retention by age', async () => {
    // Every create writes two timeline rows and every expiry one: each index more is one more
    // B-tree insert per row. The ops timeline reads (session_id, seq), retention reads `at`.
    const indexes = await store.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes
        WHERE tablename = 'session_events' ORDER BY indexname`,
    );
    expect(indexes.map((i) => [i.indexname, i.indexdef.replace(/^.* USING /, '')])).toEqual([
      ['session_events_at', 'btree (at)'],
      ['session_events_pkey', 'btree (session_id, seq)'],
    ]);
  });

  it('still numbers each session’s rows in the order they were written', async () => {
    await store.query(
      `INSERT INTO sessions (id, program, participant_unique_id1, state, params, host_origin,
         language_locale_code, theme_variant, tracer_token, url_expires_ms, created_at, updated_at)
       VALUES ('s-order', 'demo', 'p', 'active', '{}', 'http://localhost:3000', 'en-US', 'light',
               'trc', 0, now(), now())`,
    );
    for (const name of ['first', 'second', 'third'])
      await store.query(
        `INSERT INTO session_events (id, session_id, at, event_name, detail)
         VALUES (gen_random_uuid()::text, 's-order', now(), $1, '{}')`,
        [name],
      );
    const rows = await store.query<{ event_name: string }>(
      "SELECT event_name FROM session_events WHERE session_id = 's-order' ORDER BY seq",
    );
    expect(rows.map((r) => r.event_name)).toEqual(['first', 'second', 'third']);
  });
});
