import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSessionRequest, type CreateSessionEnvelope } from '../testing/signedClient';
import { startTestApp, testClock, type TestApp } from '../testing/testApp';
import { IDEMPOTENCY_WINDOW_MS } from './createSession';

const clock = testClock(Date.parse('2026-11-23T12:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: clock.now });
});
afterAll(() => t.close());

const countKeys = async (key: string) =>
  Number((await t.store.query<{ n: string }>('SELECT count(*)::text AS n FROM idempotency_keys WHERE idempotency_key = $1', [key]))[0]!.n);

describe('idempotency on PGlite', () => {
  it('50 concurrent creates with one key make one session: one 100, 49 × 101, 50 distinct URLs', async () => {
    const body = sampleSessionRequest({ participant_unique_id1: 'concurrent' });
    const results = await Promise.all(Array.from({ length: 50 }, () => t.client.createSession(body, 'one-key')));
    const statuses = results.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 100)).toHaveLength(1);
    expect(statuses.filter((s) => s === 101)).toHaveLength(49);
    expect(new Set(results.map((r) => r.body.data.session_identifier)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.data.authorized_url)).size).toBe(50);
    const sessions = await t.store.query('SELECT id FROM sessions WHERE participant_unique_id1 = $1', ['concurrent']);
    expect(sessions).toHaveLength(1);
  });

  it('the key is scoped per participant: another participant with the same key gets its own session', async () => {
    const a = await t.client.createSession(sampleSessionRequest({ participant_unique_id1: 'scope-a' }), 'shared');
    const b = await t.client.createSession(sampleSessionRequest({ participant_unique_id1: 'scope-b' }), 'shared');
    expect([a.body.status, b.body.status]).toEqual([100, 100]);
    expect(a.body.data.session_identifier).not.toBe(b.body.data.session_identifier);
  });

  it('a key reused with different parameters gives 13723 and leaves the original usable', async () => {
    const body = sampleSessionRequest({ participant_unique_id1: 'reuse' });
    const first = await t.client.createSession(body, 'reuse-key');
    const other = await t.client.createSession({ ...body, language_locale_code: 'fr-FR' }, 'reuse-key');
    expect(other.body.status).toBe(13723);
    const again = await t.client.createSession(body, 'reuse-key');
    expect(again.body.status).toBe(101);
    expect(again.body.data.session_identifier).toBe(first.body.data.session_identifier);
  });

  it('equal parameters in another key order or with "" for absent fields replay', async () => {
    const body = sampleSessionRequest({ participant_unique_id1: 'canonical' });
    await t.client.createSession(body, 'canonical-key');
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    reordered.theme_variant = 'light';
    expect((await t.client.createSession(reordered, 'canonical-key')).body.status).toBe(101);
  });

  it('within 2 hours the key replays; past 2 hours (injected clock) it creates a new session', async () => {
    const body = sampleSessionRequest({ participant_unique_id1: 'window' });
    const first = await t.client.createSession(body, 'window-key');
    clock.advance(IDEMPOTENCY_WINDOW_MS - 1000);
    const inside = await t.client.createSession(body, 'window-key');
    expect(inside.body.status).toBe(101);
    clock.advance(2000);
    const after = await t.client.createSession(body, 'window-key');
    expect(after.body.status).toBe(100);
    expect(after.body.data.session_identifier).not.toBe(first.body.data.session_identifier);
    const replay = await t.client.createSession(body, 'window-key');
    expect(replay.body).toMatchObject({ status: 101, data: { session_identifier: after.body.data.session_identifier } });
  });

  it('past 2 hours a key may even carry different parameters', async () => {
    const body = sampleSessionRequest({ participant_unique_id1: 'window-2' });
    await t.client.createSession(body, 'window-key-2');
    clock.advance(IDEMPOTENCY_WINDOW_MS + 1);
    expect((await t.client.createSession({ ...body, theme_variant: 'dark' }, 'window-key-2')).body.status).toBe(100);
  });

  it('a failed request stores no key: the key then works for a valid request', async () => {
    const bad = await t.client.createSession(sampleSessionRequest({ participant_unique_id1: 'failed', theme_variant: 'neon' }), 'failed-key');
    expect(bad.body.status).toBe(13400);
    const notAllowed = await t.client.createSession(sampleSessionRequest({ participant_unique_id1: 'failed', host_uri: 'https://evil.example' }), 'failed-key');
    expect(notAllowed.body.status).toBe(13403);
    const unauthorized = await t.client.createSession(sampleSessionRequest({ participant_unique_id1: 'failed' }), 'failed-key', { secret: 'nope' });
    expect(unauthorized.body.status).toBe(13401);
    expect(await countKeys('failed-key')).toBe(0);
    const good = await t.client.createSession<CreateSessionEnvelope>(sampleSessionRequest({ participant_unique_id1: 'failed', theme_variant: 'dark' }), 'failed-key');
    expect(good.body.status).toBe(100);
    expect(await countKeys('failed-key')).toBe(1);
  });

  it('a 13723 stores nothing new: the key still points at the first parameters', async () => {
    const body = sampleSessionRequest({ participant_unique_id1: 'mismatch-store' });
    await t.client.createSession(body, 'm-key');
    const [before] = await t.store.query('SELECT * FROM idempotency_keys WHERE idempotency_key = $1', ['m-key']);
    await t.client.createSession({ ...body, theme_variant: 'dark' }, 'm-key');
    const [after] = await t.store.query('SELECT * FROM idempotency_keys WHERE idempotency_key = $1', ['m-key']);
    expect(after).toEqual(before);
  });
});
