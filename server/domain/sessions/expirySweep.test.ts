import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireStaleSessions } from '../../jobs/sessionExpiry';
import { sampleSessionRequest } from '../../testing/signedClient';
import { startTestApp, testClock, type TestApp } from '../../testing/testApp';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    clock: clock.now,
    env: {
      TOKENFRAME_WEBHOOK_URL: 'http://127.0.0.1:9/hooks',
      TOKENFRAME_WEBHOOK_SECRET: 'whsec_expiry_sweep',
    },
  });
}, 60_000);
afterAll(() => t.close());

describe('the set-based expiry sweep', () => {
  it('expires every due session in one pass with the same timeline and webhook rows as one by one', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await t.client.createSession(
        sampleSessionRequest({ participant_unique_id1: `sweep-${i}` }),
      );
      ids.push(created.body.data.session_identifier);
    }
    clock.advance(31_000);
    expect(await expireStaleSessions(t.store, clock.now(), 3)).toBe(3);
    expect(await expireStaleSessions(t.store, clock.now(), 3)).toBe(2);
    expect(await expireStaleSessions(t.store, clock.now(), 3)).toBe(0);

    const states = await t.store.query<{ state: string }>(
      'SELECT DISTINCT state FROM sessions WHERE id = ANY($1)',
      [ids],
    );
    expect(states).toEqual([{ state: 'expired' }]);
    const rows = await t.store.query<{ id: string; session_id: string; body: string }>(
      `SELECT o.id, o.session_id, o.body FROM webhook_outbox o
        JOIN session_events e ON e.id = o.id AND e.event_name = 'session.expired'
       WHERE o.topic = 'session.expired'`,
    );
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const session = (
        await t.store.query<Record<string, string | null>>('SELECT * FROM sessions WHERE id = $1', [
          row.session_id,
        ])
      )[0]!;
      expect(JSON.parse(row.body)).toEqual({
        metadata: {
          id: row.id,
          timestamp: new Date(clock.now()).toISOString(),
          topic: 'session.expired',
          version: '1',
        },
        data: {
          ancillary: {
            participant_unique_id1: session.participant_unique_id1,
            participant_unique_id2: 'customer-9',
            session_id: row.session_id,
            tracer_token: session.tracer_token,
          },
          event: { event_name: 'session.expired' },
        },
      });
    }
  });
});
