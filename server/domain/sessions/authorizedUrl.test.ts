import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSessionRequest, type CreateSessionEnvelope } from '../../testing/signedClient';
import { startTestApp, testClock, type TestApp } from '../../testing/testApp';
import { expireStaleSessions } from '../../jobs/sessionExpiry';

const clock = testClock(Date.parse('2026-11-23T12:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  // These tests exchange ~100 URLs from one IP on a frozen clock; the per-IP limit has its
  // own tests (exchangeRoute.test.ts).
  t = await startTestApp({
    clock: clock.now,
    config: { exchangeRateLimit: { burst: 100_000, per_second: 1_000 } },
  });
}, 60_000);
afterAll(() => t.close());

let participant = 0;
async function create(key?: string): Promise<CreateSessionEnvelope['data']> {
  const res = await t.client.createSession(
    sampleSessionRequest({ participant_unique_id1: `url-${participant++}` }),
    key,
  );
  expect(res.body.status).toBe(100);
  return res.body.data;
}

function partsOf(authorizedUrl: string) {
  const url = new URL(authorizedUrl);
  return {
    session_identifier: decodeURIComponent(url.pathname.split('/')[2]!),
    t: url.searchParams.get('t')!,
    h: url.searchParams.get('h')!,
  };
}

async function exchange(parts: { session_identifier: string; t: string; h: string }) {
  const res = await fetch(`${t.url}/api/widget/v1/exchange`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(parts),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const stateOf = async (id: string) =>
  (await t.store.query<{ state: string }>('SELECT state FROM sessions WHERE id = $1', [id]))[0]!
    .state;

describe('authorized_url', () => {
  it('t is the expiry in epoch ms, 30 s after issue, and the exchange returns a bearer token and the session', async () => {
    const data = await create();
    const parts = partsOf(data.authorized_url);
    expect(Number(parts.t)).toBe(clock.now() + 30_000);
    const res = await exchange(parts);
    expect(res.status).toBe(200);
    expect(res.body.access_token).toMatch(/^tfa_/);
    expect(res.body.session).toMatchObject({
      session_identifier: data.session_identifier,
      language_locale_code: 'en-US',
      theme_variant: 'light',
      host_origin: 'http://localhost:3000',
      attempts: {
        recipient_verification_remaining: 3,
        account_verification_remaining: 3,
        session_remaining: 5,
      },
    });
  });

  it('works at 29.999 s and is expired at 30 s (injected clock)', async () => {
    const a = partsOf((await create()).authorized_url);
    const b = partsOf((await create()).authorized_url);
    clock.advance(29_999);
    expect((await exchange(a)).status).toBe(200);
    clock.advance(1);
    expect(await exchange(b)).toEqual({
      status: 401,
      body: { error: 'unauthorized', session_error: 'url_expired' },
    });
  });

  it('works once: a second exchange of the same URL is url_used', async () => {
    const parts = partsOf((await create()).authorized_url);
    expect((await exchange(parts)).status).toBe(200);
    expect(await exchange(parts)).toEqual({
      status: 401,
      body: { error: 'unauthorized', session_error: 'url_used' },
    });
  });

  it('concurrent exchanges of one URL give exactly one mount', async () => {
    const parts = partsOf((await create()).authorized_url);
    const results = await Promise.all(Array.from({ length: 10 }, () => exchange(parts)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.body.session_error === 'url_used')).toHaveLength(9);
  });

  it('fails when any single character of the id, t or h is changed', async () => {
    const data = await create();
    const parts = partsOf(data.authorized_url);
    const flip = (c: string) => (c === 'a' ? 'b' : c === '0' ? '1' : c === '1' ? '2' : 'a');
    for (const field of ['session_identifier', 't', 'h'] as const) {
      for (let i = 0; i < parts[field].length; i++) {
        const value = parts[field];
        const changed = {
          ...parts,
          [field]: value.slice(0, i) + flip(value[i]!) + value.slice(i + 1),
        };
        const res = await exchange(changed);
        expect(res.status, `${field}[${i}]`).not.toBe(200);
        expect(['invalid_url', 'url_expired']).toContain(res.body.session_error);
      }
    }
    // The untouched URL still works afterwards: failed attempts did not consume it.
    expect((await exchange(parts)).status).toBe(200);
  });

  it('an unmounted session becomes expired after 30 s, and an idempotent re-request makes it active with a new URL', async () => {
    const data = await create('expire-key');
    clock.advance(30_000);
    await expireStaleSessions(t.store, clock.now());
    expect(await stateOf(data.session_identifier)).toBe('expired');
    const again = await t.client.createSession(
      sampleSessionRequest({ participant_unique_id1: `url-${participant - 1}` }),
      'expire-key',
    );
    expect(again.body).toMatchObject({
      status: 101,
      data: { session_identifier: data.session_identifier },
    });
    expect(await stateOf(data.session_identifier)).toBe('active');
    expect((await exchange(partsOf(again.body.data.authorized_url))).status).toBe(200);
  });

  it('a mounted session does not expire', async () => {
    const data = await create();
    expect((await exchange(partsOf(data.authorized_url))).status).toBe(200);
    clock.advance(60_000);
    await expireStaleSessions(t.store, clock.now());
    expect(await stateOf(data.session_identifier)).toBe('active');
  });

  it('a terminated session cannot be mounted even with a fresh URL', async () => {
    const data = await create();
    await t.client.send('POST', `/api/v1/sessions/${data.session_identifier}/terminate`);
    expect(await exchange(partsOf(data.authorized_url))).toEqual({
      status: 410,
      body: { error: 'session_final', session_error: 'session_terminated' },
    });
  });

  it('a completed session reports session_completed', async () => {
    const data = await create();
    await t.store.query(`UPDATE sessions SET state = 'completed' WHERE id = $1`, [
      data.session_identifier,
    ]);
    expect((await exchange(partsOf(data.authorized_url))).body.session_error).toBe(
      'session_completed',
    );
  });

  it('a malformed exchange body is invalid_url', async () => {
    expect(
      (await exchange({ session_identifier: 'x', t: 'soon', h: 'y' })).body.session_error,
    ).toBe('invalid_url');
  });
});
