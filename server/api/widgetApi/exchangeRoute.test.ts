import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetApiErrorSchema } from '../../../protocol/widgetApi';
import { sampleSessionRequest } from '../../testing/signedClient';
import { startTestApp, testClock, type TestApp } from '../../testing/testApp';

const clock = testClock(Date.parse('2026-11-23T12:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: clock.now });
}, 60_000);
afterAll(() => t.close());

let participant = 0;
/** A fresh session's authorized_url, split into the exchange body. */
async function freshUrlParts() {
  const res = await t.client.createSession(
    sampleSessionRequest({ participant_unique_id1: `exchange-${participant++}` }),
  );
  expect(res.body.status).toBe(100);
  const url = new URL(res.body.data.authorized_url);
  return {
    session_identifier: res.body.data.session_identifier,
    t: url.searchParams.get('t')!,
    h: url.searchParams.get('h')!,
  };
}

function exchange(payload: unknown, remoteAddress = '127.0.0.1') {
  return t.app.inject({
    method: 'POST',
    url: '/api/widget/v1/exchange',
    payload: payload as object,
    remoteAddress,
  });
}

describe('POST /api/widget/v1/exchange attempts', () => {
  it('caps each feature at the session remaining count, like the widget API', async () => {
    const parts = await freshUrlParts();
    // 4 of 5 session attempts used on earlier mounts: only one try is left for anything.
    await t.store.query('UPDATE sessions SET attempts_used = 4 WHERE id = $1', [
      parts.session_identifier,
    ]);
    const response = await exchange(parts);
    expect(response.statusCode).toBe(200);
    expect(response.json().session.attempts).toEqual({
      recipient_verification_remaining: 1,
      account_verification_remaining: 1,
      session_remaining: 1,
    });
  });

  it('reports the per-feature limit when the session has more tries left', async () => {
    const response = await exchange(await freshUrlParts());
    expect(response.json().session.attempts).toEqual({
      recipient_verification_remaining: 3,
      account_verification_remaining: 3,
      session_remaining: 5,
    });
  });
});

describe('POST /api/widget/v1/exchange rate limit', () => {
  it('answers 429 rate_limited with Retry-After once a client IP empties its bucket, other IPs unaffected', async () => {
    const defaults = t;
    t = await startTestApp({
      clock: clock.now,
      config: { exchangeRateLimit: { burst: 2, per_second: 0.5 } },
    });
    try {
      const garbage = { session_identifier: 'x', t: '1', h: 'y' };
      expect((await exchange(garbage, '203.0.113.7')).statusCode).toBe(401);
      expect((await exchange(garbage, '203.0.113.7')).statusCode).toBe(401);
      const limited = await exchange(garbage, '203.0.113.7');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('2');
      expect(widgetApiErrorSchema.parse(limited.json())).toEqual({ error: 'rate_limited' });
      // Another client is not affected …
      expect((await exchange(await freshUrlParts(), '203.0.113.8')).statusCode).toBe(200);
      // … and the first one gets a token back after Retry-After.
      clock.advance(2_000);
      expect((await exchange(garbage, '203.0.113.7')).statusCode).toBe(401);
    } finally {
      await t.close();
      t = defaults;
    }
  });

  it('lets a generous burst through by default', async () => {
    const garbage = { session_identifier: 'x', t: '1', h: 'y' };
    for (let i = 0; i < 50; i += 1)
      expect((await exchange(garbage, '198.51.100.1')).statusCode).toBe(401);
  });
});
