import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireStaleSessions } from '../../jobs/sessionExpiry';
import { sampleSessionRequest } from '../../testing/signedClient';
import { startTestApp, testClock, type TestApp } from '../../testing/testApp';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: clock.now });
}, 60_000);
afterAll(() => t.close());

describe('the kept per-state counts of include_summary', () => {
  it('match a count of the sessions table through creates, replays, expiry and termination', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const created = await t.client.createSession(
        sampleSessionRequest({ participant_unique_id1: `count-${i}` }),
        `key-${i}`,
      );
      ids.push(created.body.data.session_identifier);
    }
    // A replay issues a URL (active → active): no count moves.
    await t.client.createSession(
      sampleSessionRequest({ participant_unique_id1: 'count-0' }),
      'key-0',
    );
    await t.client.send('POST', `/api/v1/sessions/${ids[1]}/terminate`);
    clock.advance(31_000);
    await t.client.send('POST', `/api/v1/sessions/${ids[2]}/terminate`);
    expect(await expireStaleSessions(t.store, clock.now())).toBe(4);

    const truth = await t.store.query<{ state: string; count: string }>(
      `SELECT state, count(*)::text AS count FROM sessions GROUP BY state`,
    );
    const summary = await t.client.send<{ data: { summary: Record<string, number> } }>(
      'GET',
      '/api/v1/sessions?include_summary=true',
    );
    expect(summary.body.data.summary).toEqual({
      active: 0,
      expired: 4,
      completed: 0,
      canceled: 0,
      terminated: 2,
      max_attempts_exceeded: 0,
    });
    for (const row of truth) expect(summary.body.data.summary[row.state]).toBe(Number(row.count));
  });
});
