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

  it('answer a time-range summary exactly: kept whole hours plus the rows of the partial ones', async () => {
    const program = t.config.programs[0]!.username;
    const ids: string[] = [];
    // Sessions every 40 minutes over ~5 hours, two of them terminated later.
    for (let i = 0; i < 8; i++) {
      const created = await t.client.createSession(
        sampleSessionRequest({ participant_unique_id1: `hours-${i}` }),
      );
      ids.push(created.body.data.session_identifier);
      clock.advance(40 * 60_000);
    }
    await t.client.send('POST', `/api/v1/sessions/${ids[2]}/terminate`);
    await t.client.send('POST', `/api/v1/sessions/${ids[5]}/terminate`);
    await expireStaleSessions(t.store, clock.now());
    const [first] = await t.store.query<{ at: Date }>(
      'SELECT created_at AS at FROM sessions WHERE id = $1',
      [ids[0]],
    );
    const start = new Date(first!.at).getTime();
    const minute = 60_000;
    const ranges: [number | undefined, number | undefined][] = [
      [start + 17 * minute, start + 250 * minute],
      [start - 60 * minute, start + 181 * minute],
      [start + 61 * minute, undefined],
      [undefined, start + 199 * minute],
      [start + 5 * minute, start + 20 * minute],
      [start, start + 8 * 40 * minute],
    ];
    for (const [from, to] of ranges) {
      const query = [
        from === undefined ? '' : `&created_from=${new Date(from).toISOString()}`,
        to === undefined ? '' : `&created_to=${new Date(to).toISOString()}`,
      ].join('');
      const summary = await t.client.send<{ data: { summary: Record<string, number> } }>(
        'GET',
        `/api/v1/sessions?include_summary=true${query}`,
      );
      const truth = await t.store.query<{ state: string; count: number }>(
        `SELECT state, count(*)::int AS count FROM sessions
          WHERE program = $1 AND created_at >= $2 AND created_at < $3 GROUP BY state`,
        [program, new Date(from ?? 0), new Date(to ?? 4e12)],
      );
      const expected = Object.fromEntries(
        Object.keys(summary.body.data.summary).map((state) => [
          state,
          truth.find((row) => row.state === state)?.count ?? 0,
        ]),
      );
      expect(summary.body.data.summary, query).toEqual(expected);
    }
    // The kept hours themselves match the table.
    const kept = await t.store.query<{ hour: string; state: string; n: string }>(
      `SELECT created_hour::text AS hour, state, sum(sessions)::text AS n FROM session_hour_counts
        GROUP BY 1, 2 HAVING sum(sessions) <> 0 ORDER BY 1, 2`,
    );
    const counted = await t.store.query<{ hour: string; state: string; n: string }>(
      `SELECT floor(extract(epoch FROM created_at) / 3600)::bigint::text AS hour, state,
              count(*)::text AS n FROM sessions GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(kept).toEqual(counted);
  });
});
