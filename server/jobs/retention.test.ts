import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnvConfig } from '../config';
import type { Store } from '../storage/store';
import { sampleSessionRequest } from '../testing/signedClient';
import { defineFailedWebhookRetentionSuite } from '../testing/failedWebhookRetentionSuite';
import { startTestApp, testClock, type TestApp } from '../testing/testApp';
import { expireStaleSessions } from './sessionExpiry';
import { runRetention } from './retention';
import { openMigratedStore } from '../testing/migratedStore';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const config = readEnvConfig({
  TOKENFRAME_RETAIN_EXPIRED_IDEMPOTENCY_KEYS: '1h',
  TOKENFRAME_RETAIN_DELIVERED_WEBHOOKS: '7d',
  TOKENFRAME_RETAIN_TIMELINE: '30d',
  TOKENFRAME_RETAIN_UNCONFIRMED_VAULT_PAYLOADS: '1h',
  TOKENFRAME_WEBHOOK_URL: 'http://127.0.0.1:9/hooks',
  TOKENFRAME_WEBHOOK_SECRET: 'whsec_retention',
});
const now = Date.UTC(2026, 10, 27, 12);
let store: Store;

beforeAll(async () => {
  store = await openMigratedStore();
}, 60_000);
afterAll(() => store.close());

const count = async (sql: string) =>
  Number((await store.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`))[0]!.n);

async function seedSession(id: string, at: Date): Promise<void> {
  await store.query(
    `INSERT INTO sessions (id, program, participant_unique_id1, state, params, host_origin,
       language_locale_code, theme_variant, tracer_token, url_expires_ms, created_at, updated_at)
     VALUES ($1, 'demo', 'p', 'expired', '{}', 'http://localhost:3000', 'en-US', 'light', 'trc', 0, $2, $2)`,
    [id, at],
  );
}

describe('retention', () => {
  it('removes only rows older than their configured age, and scrubs unconfirmed sealed payouts', async () => {
    const old = new Date(now - 40 * DAY);
    const recent = new Date(now - 10 * 60_000);
    await seedSession('s-old', old);
    for (const [key, expires] of [
      ['dead', new Date(now - 2 * HOUR)],
      ['live', new Date(now + HOUR)],
    ] as const)
      await store.query(
        `INSERT INTO idempotency_keys VALUES ('demo', 'p', $1, 'h', 's-old', $2, $2)`,
        [key, expires],
      );
    for (const [id, at, delivered, program] of [
      ['delivered-old', old, old, 'demo'],
      ['delivered-new', recent, recent, 'demo'],
      ['pending-old', old, null, 'demo'],
      ['nohook-old', old, null, 'retired-program'],
    ] as const)
      await store.query(
        `INSERT INTO webhook_outbox (id, program, session_id, topic, body, created_at, next_attempt_at, delivered_at)
         VALUES ($1, $4, 's-old', 't', '{}', $2, $2, $3)`,
        [id, at, delivered, program],
      );
    for (const [id, at] of [
      ['e-old', old],
      ['e-new', recent],
    ] as const)
      await store.query(
        `INSERT INTO session_events (id, session_id, at, event_name, detail) VALUES ($1, 's-old', $2, 'x', '{}')`,
        [id, at],
      );
    const sealed = { masked: { last4: '4242' }, fingerprint: 'f', sealed_payout: 'cipher' };
    for (const [id, expires] of [
      ['m-old', new Date(now - 2 * HOUR)],
      ['m-live', new Date(now + HOUR)],
    ] as const)
      await store.query(
        `INSERT INTO mounts (id, session_id, access_token_hash, created_at, expires_at, verified_account)
         VALUES ($1, 's-old', $1, $2, $2, $3)`,
        [id, expires, JSON.stringify(sealed)],
      );

    // Batches of 2: a pass touches at most 2 rows per table, and the job runs until done.
    let passes = 0;
    while ((await runRetention(store, config, now, 2)) > 0) passes++;
    expect(passes).toBeGreaterThanOrEqual(1);

    expect(
      (await store.query('SELECT idempotency_key FROM idempotency_keys')).map(
        (r) => r.idempotency_key,
      ),
    ).toEqual(['live']);
    expect(
      (await store.query('SELECT id FROM webhook_outbox ORDER BY id')).map((r) => r.id),
    ).toEqual(['delivered-new', 'pending-old']);
    expect((await store.query('SELECT id FROM session_events')).map((r) => r.id)).toEqual([
      'e-new',
    ]);
    const mounts = await store.query<{ id: string; verified_account: Record<string, unknown> }>(
      'SELECT id, verified_account FROM mounts ORDER BY id',
    );
    expect(mounts).toEqual([
      { id: 'm-live', verified_account: sealed },
      { id: 'm-old', verified_account: { masked: { last4: '4242' } } },
    ]);
    expect(await count('sessions')).toBe(1);
  });
});

defineFailedWebhookRetentionSuite('PGlite');

describe('the outbox of a program without a webhook', () => {
  let t: TestApp;
  const clock = testClock();
  beforeAll(async () => {
    t = await startTestApp({ clock: clock.now });
  }, 60_000);
  afterAll(() => t.close());

  it('stays empty while the timeline records every event, expiry included', async () => {
    const created = await t.client.createSession(sampleSessionRequest());
    expect(created.body.status).toBe(100);
    clock.advance(31_000);
    expect(await expireStaleSessions(t.store, clock.now())).toBe(1);
    const events = await t.store.query<{ event_name: string }>(
      'SELECT event_name FROM session_events ORDER BY seq',
    );
    expect(events.map((e) => e.event_name)).toEqual([
      'session.created',
      'session.authorized_url_issued',
      'session.expired',
    ]);
    expect(await t.store.query('SELECT id FROM webhook_outbox')).toEqual([]);
  });
});
