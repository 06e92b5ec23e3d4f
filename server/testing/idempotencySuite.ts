import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_WINDOW_MS } from '../domain/sessions/createSession';
import { sampleSessionRequest, type CreateSessionEnvelope } from './signedClient';
import { startTestApp, testClock, type TestApp } from './testApp';

/**
 * The idempotency guarantees of PRODUCT.md §1 as one suite, run on PGlite (node project) and
 * on PostgreSQL (postgres project). Participants carry a per-run prefix, so a shared database
 * with rows from earlier runs does not matter.
 */
export function defineIdempotencySuite(name: string, databaseUrl?: string): void {
  const run = randomUUID().slice(0, 8);
  const clock = testClock(Date.parse('2026-11-23T12:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: clock.now, databaseUrl });
  }, 60_000);
  afterAll(() => t.close());

  const countKeys = async (key: string) =>
    Number(
      (
        await t.store.query<{ n: string }>(
          'SELECT count(*)::text AS n FROM idempotency_keys WHERE idempotency_key = $1 AND participant_unique_id1 = $2',
          [key, `${run}-failed`],
        )
      )[0]!.n,
    );

  describe(`idempotency on ${name}`, () => {
    it('50 concurrent creates with one key make one session: one 100, 49 × 101, 50 distinct URLs', async () => {
      const body = sampleSessionRequest({ participant_unique_id1: `${run}-concurrent` });
      const results = await Promise.all(
        Array.from({ length: 50 }, () => t.client.createSession(body, 'one-key')),
      );
      const statuses = results.map((r) => r.body.status);
      expect(statuses.filter((s) => s === 100)).toHaveLength(1);
      expect(statuses.filter((s) => s === 101)).toHaveLength(49);
      expect(new Set(results.map((r) => r.body.data.session_identifier)).size).toBe(1);
      expect(new Set(results.map((r) => r.body.data.authorized_url)).size).toBe(50);
      const sessions = await t.store.query(
        'SELECT id FROM sessions WHERE participant_unique_id1 = $1',
        [`${run}-concurrent`],
      );
      expect(sessions).toHaveLength(1);
    });

    it('the key is scoped per participant: another participant with the same key gets its own session', async () => {
      const a = await t.client.createSession(
        sampleSessionRequest({ participant_unique_id1: `${run}-scope-a` }),
        'shared',
      );
      const b = await t.client.createSession(
        sampleSessionRequest({ participant_unique_id1: `${run}-scope-b` }),
        'shared',
      );
      expect([a.body.status, b.body.status]).toEqual([100, 100]);
      expect(a.body.data.session_identifier).not.toBe(b.body.data.session_identifier);
    });

    it('a key reused with different parameters gives 13723 and leaves the original usable', async () => {
      const body = sampleSessionRequest({ participant_unique_id1: `${run}-reuse` });
      const first = await t.client.createSession(body, 'reuse-key');
      const other = await t.client.createSession(
        { ...body, language_locale_code: 'fr-FR' },
        'reuse-key',
      );
      expect(other.body.status).toBe(13723);
      const again = await t.client.createSession(body, 'reuse-key');
      expect(again.body.status).toBe(101);
      expect(again.body.data.session_identifier).toBe(first.body.data.session_identifier);
    });

    it('equal parameters in another key order or with "" for absent fields replay', async () => {
      const body = sampleSessionRequest({ participant_unique_id1: `${run}-canonical` });
      await t.client.createSession(body, 'canonical-key');
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      reordered.theme_variant = 'light';
      expect((await t.client.createSession(reordered, 'canonical-key')).body.status).toBe(101);
    });

    it('within 2 hours the key replays; past 2 hours (injected clock) it creates a new session', async () => {
      const body = sampleSessionRequest({ participant_unique_id1: `${run}-window` });
      const first = await t.client.createSession(body, 'window-key');
      clock.advance(IDEMPOTENCY_WINDOW_MS - 1000);
      const inside = await t.client.createSession(body, 'window-key');
      expect(inside.body.status).toBe(101);
      clock.advance(2000);
      const after = await t.client.createSession(body, 'window-key');
      expect(after.body.status).toBe(100);
      expect(after.body.data.session_identifier).not.toBe(first.body.data.session_identifier);
      const replay = await t.client.createSession(body, 'window-key');
      expect(replay.body).toMatchObject({
        status: 101,
        data: { session_identifier: after.body.data.session_identifier },
      });
    });

    it('past 2 hours a key may even carry different parameters', async () => {
      const body = sampleSessionRequest({ participant_unique_id1: `${run}-window-2` });
      await t.client.createSession(body, 'window-key-2');
      clock.advance(IDEMPOTENCY_WINDOW_MS + 1);
      expect(
        (await t.client.createSession({ ...body, theme_variant: 'dark' }, 'window-key-2')).body
          .status,
      ).toBe(100);
    });

    it('a failed request stores no key: the key then works for a valid request', async () => {
      const bad = await t.client.createSession(
        sampleSessionRequest({ participant_unique_id1: `${run}-failed`, theme_variant: 'neon' }),
        'failed-key',
      );
      expect(bad.body.status).toBe(13400);
      const notAllowed = await t.client.createSession(
        sampleSessionRequest({
          participant_unique_id1: `${run}-failed`,
          host_uri: 'https://evil.example',
        }),
        'failed-key',
      );
      expect(notAllowed.body.status).toBe(13403);
      const unauthorized = await t.client.createSession(
        sampleSessionRequest({ participant_unique_id1: `${run}-failed` }),
        'failed-key',
        { secret: 'nope' },
      );
      expect(unauthorized.body.status).toBe(13401);
      expect(await countKeys('failed-key')).toBe(0);
      const good = await t.client.createSession<CreateSessionEnvelope>(
        sampleSessionRequest({ participant_unique_id1: `${run}-failed`, theme_variant: 'dark' }),
        'failed-key',
      );
      expect(good.body.status).toBe(100);
      expect(await countKeys('failed-key')).toBe(1);
    });

    it('a 13723 stores nothing new: the key still points at the first parameters', async () => {
      const body = sampleSessionRequest({ participant_unique_id1: `${run}-mismatch-store` });
      await t.client.createSession(body, 'm-key');
      const [before] = await t.store.query(
        'SELECT * FROM idempotency_keys WHERE idempotency_key = $1 AND participant_unique_id1 = $2',
        ['m-key', `${run}-mismatch-store`],
      );
      await t.client.createSession({ ...body, theme_variant: 'dark' }, 'm-key');
      const [after] = await t.store.query(
        'SELECT * FROM idempotency_keys WHERE idempotency_key = $1 AND participant_unique_id1 = $2',
        ['m-key', `${run}-mismatch-store`],
      );
      expect(after).toEqual(before);
    });
  });
}
