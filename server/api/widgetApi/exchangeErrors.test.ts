import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetApiErrorSchema } from '../../../protocol/widgetApi';
import { openStore } from '../../storage/openStore';
import type { Store } from '../../storage/store';
import { sampleSessionRequest } from '../../testing/signedClient';
import { startTestApp, type TestApp } from '../../testing/testApp';

/** The exchange answers through the widget API's one error path (protocol/widgetApi.ts). */
let real: Store;
let onFire = false;
let t: TestApp;
beforeAll(async () => {
  real = await openStore({});
  const failing: Store = {
    engine: real.engine,
    query: (sql, params) => real.query(sql, params),
    transaction: async (fn) => {
      if (onFire) throw new Error('database on fire: SECRET-DETAIL');
      return real.transaction(fn);
    },
    afterCommit: (effect) => real.afterCommit(effect),
    close: () => real.close(),
  };
  t = await startTestApp({ store: failing });
}, 60_000);
afterAll(async () => {
  await t.close();
  await real.close();
});

describe('POST /api/widget/v1/exchange errors', () => {
  it('answers a 5xx with a body the protocol schema accepts, and no detail', async () => {
    const created = await t.client.createSession(sampleSessionRequest());
    const url = new URL(created.body.data.authorized_url);
    onFire = true;
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/widget/v1/exchange',
        payload: {
          session_identifier: created.body.data.session_identifier,
          t: url.searchParams.get('t'),
          h: url.searchParams.get('h'),
        },
      });
      expect(res.statusCode).toBe(500);
      expect(widgetApiErrorSchema.parse(res.json())).toEqual({ error: 'internal' });
      expect(res.body).not.toContain('SECRET-DETAIL');
    } finally {
      onFire = false;
    }
  });

  it('answers a malformed body with invalid_request and invalid_url', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/widget/v1/exchange',
      payload: { session_identifier: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(widgetApiErrorSchema.parse(res.json())).toEqual({
      error: 'invalid_request',
      session_error: 'invalid_url',
    });
  });
});
