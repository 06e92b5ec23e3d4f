import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../storage/openStore';
import type { Store } from '../../storage/store';
import {
  SignedClient,
  sampleSessionRequest,
  signRequest,
  type CreateSessionEnvelope,
} from '../../testing/signedClient';
import { startTestApp, testClock, type TestApp } from '../../testing/testApp';

const PATH = '/api/v1/sessions/point-in-time/plugin';
const clock = testClock(Date.parse('2026-11-23T12:00:00Z'));
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: clock.now,
    env: { TOKENFRAME_EXTRA_HOSTS: 'https://shop.example' },
  });
}, 60_000);
afterAll(() => t.close());

describe('POST /api/v1/sessions/point-in-time/plugin status table', () => {
  it('100: creates a session and returns the envelope with an authorized_url', async () => {
    const res = await t.client.createSession(sampleSessionRequest());
    expect(res.httpStatus).toBe(200);
    expect(res.body).toMatchObject({ status: 100, client_message: 'Success' });
    expect(typeof res.body.time).toBe('number');
    const data = res.body.data;
    expect(data.participant_unique_id1).toBe('participant-1');
    expect(data.participant_unique_id2).toBe('customer-9');
    expect(data.authorized_url).toMatch(
      new RegExp(`^${t.url}/session/${data.session_identifier}\\?t=\\d+&h=[A-Za-z0-9_-]+$`),
    );
    expect(Date.parse(data.authorized_url_expiration_utc)).toBe(clock.now() + 30_000);
  });

  it('101: the same key and parameters replay the session with a new URL', async () => {
    const first = await t.client.createSession(sampleSessionRequest(), 'replay-key');
    const second = await t.client.createSession(sampleSessionRequest(), 'replay-key');
    expect(first.body.status).toBe(100);
    expect(second.httpStatus).toBe(200);
    expect(second.body).toMatchObject({ status: 101, client_message: 'Success - Idempotent' });
    expect(second.body.data.session_identifier).toBe(first.body.data.session_identifier);
    expect(second.body.data.authorized_url).not.toBe(first.body.data.authorized_url);
  });

  it('13400: malformed JSON is a field validation error', async () => {
    const res = await t.client.createSession('{"participant_unique_id1": ');
    expect(res.httpStatus).toBe(400);
    expect(res.body).toMatchObject({ status: 13400, developer_message: 'malformed_json' });
  });

  it('13400: a non-JSON content type is refused', async () => {
    const body = JSON.stringify(sampleSessionRequest());
    const headers = signRequest(
      'POST',
      PATH,
      body,
      { username: 'demo', secret: 'demo-secret' },
      new Date(clock.now()),
      'text/plain',
    );
    const res = await fetch(t.url + PATH, { method: 'POST', headers, body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { status: number }).status).toBe(13400);
  });

  it('413: a body over 16 KiB is refused before anything else', async () => {
    const res = await t.client.createSession(
      sampleSessionRequest({ participant_unique_id2: 'x'.repeat(17_000) }),
    );
    expect(res.httpStatus).toBe(413);
    expect(res.body.status).toBe(13400);
  });

  it('13401: X-Date 301 s in the past or future is rejected, 300 s is accepted', async () => {
    for (const skew of [301_000, -301_000]) {
      const skewed = new SignedClient({
        baseUrl: t.url,
        username: 'demo',
        secret: 'demo-secret',
        now: () => clock.now() + skew,
      });
      const res = await skewed.createSession(sampleSessionRequest());
      expect(res.httpStatus).toBe(401);
      expect(res.body).toMatchObject({ status: 13401, data: null });
    }
    const edge = new SignedClient({
      baseUrl: t.url,
      username: 'demo',
      secret: 'demo-secret',
      now: () => clock.now() - 300_000,
    });
    expect((await edge.createSession(sampleSessionRequest())).body.status).toBe(100);
  });

  it('13401: a body changed after signing is rejected', async () => {
    const signed = JSON.stringify(sampleSessionRequest());
    const res = await t.client.createSession(signed, undefined, {
      sendBody: signed.replace('Jack', 'Jill'),
    });
    expect(res.httpStatus).toBe(401);
    expect(res.body.status).toBe(13401);
  });

  it('13401: a wrong secret, an unknown user, or no Authorization gets the same answer', async () => {
    const wrongSecret = await t.client.createSession(sampleSessionRequest(), undefined, {
      secret: 'not-the-secret',
    });
    const unknownUser = await new SignedClient({
      baseUrl: t.url,
      username: 'nobody',
      secret: 'demo-secret',
      now: clock.now,
    }).createSession(sampleSessionRequest());
    const unsigned = await t.client.createSession(sampleSessionRequest(), undefined, {
      unsigned: true,
    });
    const wrongDigest = await t.client.createSession(sampleSessionRequest(), undefined, {
      headers: { 'Content-SHA512': Buffer.alloc(64).toString('base64') },
    });
    for (const res of [wrongSecret, unknownUser, unsigned, wrongDigest]) {
      expect(res.httpStatus).toBe(401);
      expect(res.body).toMatchObject({ status: 13401, client_message: 'Unauthorized', data: null });
      expect(res.body.developer_message).toBeUndefined();
    }
  });

  it('13401: a malformed body is not parsed before authentication', async () => {
    const res = await t.client.createSession('not json', undefined, { secret: 'wrong' });
    expect(res.body.status).toBe(13401);
  });

  it('13403: a valid origin that is not on the allowlist', async () => {
    const res = await t.client.createSession(
      sampleSessionRequest({ host_uri: 'https://evil.example' }),
    );
    expect(res.httpStatus).toBe(401);
    expect(res.body.status).toBe(13403);
  });

  it('allowlisted extra hosts from TOKENFRAME_EXTRA_HOSTS are accepted', async () => {
    const res = await t.client.createSession(
      sampleSessionRequest({ host_uri: 'https://shop.example' }),
    );
    expect(res.body.status).toBe(100);
  });

  it('13723: the same key with different parameters', async () => {
    await t.client.createSession(sampleSessionRequest(), 'mismatch-key');
    const res = await t.client.createSession(
      sampleSessionRequest({ theme_variant: 'dark' }),
      'mismatch-key',
    );
    expect(res.httpStatus).toBe(422);
    expect(res.body).toMatchObject({
      status: 13723,
      developer_message: 'invalid_idempotent_request',
      data: null,
    });
  });

  it('13724: the key of a terminated session asks for a new session', async () => {
    const created = await t.client.createSession(sampleSessionRequest(), 'final-key');
    const id = created.body.data.session_identifier;
    expect((await t.client.send('POST', `/api/v1/sessions/${id}/terminate`)).body.status).toBe(100);
    const res = await t.client.createSession(sampleSessionRequest(), 'final-key');
    expect(res.httpStatus).toBe(409);
    expect(res.body.status).toBe(13724);
  });

  it('13429: a participant past its bucket is rate limited with Retry-After; others are not', async () => {
    const body = sampleSessionRequest({ participant_unique_id1: 'flooder' });
    const results = [];
    for (let i = 0; i < 101; i++) results.push(await t.client.createSession(body, `flood-${i}`));
    const limited = results.at(-1)!;
    expect(results.slice(0, 100).every((r) => r.body.status === 100)).toBe(true);
    expect(limited.httpStatus).toBe(429);
    expect(limited.body.status).toBe(13429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(
      (await t.client.createSession(sampleSessionRequest({ participant_unique_id1: 'calm' }))).body
        .status,
    ).toBe(100);
    clock.advance(1000);
    expect((await t.client.createSession(body, 'flood-after')).body.status).toBe(100);
  });
});

describe('13500', () => {
  it('an internal failure answers 13500 with a request id and no details', async () => {
    const real = await openStore({});
    let onFire = false;
    const failing: Store = {
      engine: real.engine,
      query: async (sql, params) => {
        if (onFire) throw new Error('database on fire: SECRET-DETAIL');
        return real.query(sql, params);
      },
      transaction: async (fn) => {
        if (onFire) throw new Error('database on fire: SECRET-DETAIL');
        return real.transaction(fn);
      },
      afterCommit: (effect) => real.afterCommit(effect),
      close: () => real.close(),
    };
    const broken = await startTestApp({ store: failing, clock: clock.now });
    onFire = true;
    try {
      const res = await broken.client.createSession<
        CreateSessionEnvelope & { data: { request_id: string } }
      >(sampleSessionRequest());
      expect(res.httpStatus).toBe(500);
      expect(res.body.status).toBe(13500);
      expect(res.body.data.request_id).toBe(res.headers.get('x-request-id'));
      expect(JSON.stringify(res.body)).not.toContain('SECRET-DETAIL');
    } finally {
      await broken.close();
      await real.close();
    }
  });
});
