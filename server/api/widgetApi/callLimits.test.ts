import { describe, expect, test } from 'vitest';
import { DEFAULT_WIDGET_CALL_LIMITS } from '../../domain/programs/program';
import { card, useWidgetApiHarness } from '../../testing/widgetApiDriver';
import { readEnvConfig } from '../../config';
import { runRetention } from '../../jobs/retention';

const driver = useWidgetApiHarness();
const ROOMY = { calls: 1000, window_seconds: 600 };

/** POST to the widget API from a given client address. */
async function post(token: string, path: string, body: unknown, remoteAddress = '127.0.0.1') {
  const response = await driver.api.app.inject({
    method: 'POST',
    url: `/api/widget/v1${path}`,
    headers: { authorization: `Bearer ${token}` },
    payload: body as object,
    remoteAddress,
  });
  return {
    status: response.statusCode,
    retryAfter: response.headers['retry-after'],
    body: response.json() as unknown,
  };
}

/** A verified debit card: it costs no attempt, so only the call limits can stop a replay. */
const verifiedCard = card('debit', '4000056655665556');

describe('card-testing defence on /account and /confirm (PRODUCT.md §10)', () => {
  test('the sandbox default stops a script replaying a card on one mount', async () => {
    const { token } = await driver.freshMount();
    const statuses: number[] = [];
    for (let i = 0; i < DEFAULT_WIDGET_CALL_LIMITS.per_mount.calls + 5; i += 1)
      statuses.push((await post(token, '/account', verifiedCard)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(
      DEFAULT_WIDGET_CALL_LIMITS.per_mount.calls,
    );
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
  });

  test('per mount: past the limit 429 with Retry-After; a new mount of the session may go on', async () => {
    await driver.withHarness(
      {
        program: {
          widget_call_limits: {
            per_mount: { calls: 3, window_seconds: 600 },
            per_session: ROOMY,
            per_client_ip: ROOMY,
          },
        },
      },
      async () => {
        const sessionId = await driver.api.createSession();
        const token = await driver.api.mount(sessionId);
        for (let i = 0; i < 2; i += 1)
          expect((await post(token, '/account', verifiedCard)).status).toBe(200);
        // The confirm counts as the third call of the window.
        expect((await post(token, '/confirm', {})).status).not.toBe(429);
        const refused = await post(token, '/account', verifiedCard);
        expect(refused.status).toBe(429);
        expect(refused.body).toEqual({ error: 'rate_limited' });
        const retryAfter = Number(refused.retryAfter);
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(600);
        expect((await post(token, '/confirm', {})).status).toBe(429);
        const other = await driver.api.createSession();
        expect((await post(await driver.api.mount(other), '/account', verifiedCard)).status).toBe(
          200,
        );
      },
    );
  });

  test('per session: calls add up across mounts; other sessions are not affected', async () => {
    await driver.withHarness(
      {
        program: {
          widget_call_limits: {
            per_mount: ROOMY,
            per_session: { calls: 4, window_seconds: 3600 },
            per_client_ip: ROOMY,
          },
        },
      },
      async () => {
        const sessionId = await driver.api.createSession();
        const first = await driver.api.mount(sessionId);
        const second = await driver.api.mount(sessionId);
        const statuses = [];
        for (const token of [first, first, second, second, second, first])
          statuses.push((await post(token, '/account', verifiedCard)).status);
        expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
        const other = await driver.api.createSession({ participant: 'participant-2' });
        expect((await post(await driver.api.mount(other), '/account', verifiedCard)).status).toBe(
          200,
        );
      },
    );
  });

  test('per client IP: one address across many sessions is stopped, another is not', async () => {
    await driver.withHarness(
      {
        program: {
          widget_call_limits: {
            per_mount: ROOMY,
            per_session: ROOMY,
            per_client_ip: { calls: 3, window_seconds: 600 },
          },
        },
      },
      async () => {
        const statuses = [];
        for (let i = 0; i < 5; i += 1) {
          const { token } = await driver.freshMount();
          statuses.push((await post(token, '/account', verifiedCard, '203.0.113.7')).status);
        }
        expect(statuses).toEqual([200, 200, 200, 429, 429]);
        const { token } = await driver.freshMount();
        expect((await post(token, '/account', verifiedCard, '198.51.100.2')).status).toBe(200);
        // The address is kept only as a hash.
        const stored = await driver.api.store.query<{ subject: string }>(
          'SELECT subject FROM widget_call_counts',
        );
        expect(JSON.stringify(stored)).not.toContain('203.0.113.7');
      },
    );
  });
});

test('the retention job drops counts of windows that ended more than a day ago', async () => {
  const { token } = await driver.freshMount();
  expect((await post(token, '/account', verifiedCard)).status).toBe(200);
  const count = async () =>
    (await driver.api.store.query('SELECT 1 FROM widget_call_counts')).length;
  expect(await count()).toBeGreaterThan(0);
  const config = { ...readEnvConfig({}), programs: [] };
  // The harness clock is 2026-11-23 12:00: a day later the window has not aged out yet.
  await runRetention(driver.api.store, config, Date.UTC(2026, 10, 24, 11));
  expect(await count()).toBeGreaterThan(0);
  await runRetention(driver.api.store, config, Date.UTC(2026, 10, 25, 12));
  expect(await count()).toBe(0);
});
