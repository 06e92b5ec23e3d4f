import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnvConfig } from '../config';
import { resendDelivery } from '../domain/events/webhookDeliveries';
import { runRetention } from '../jobs/retention';
import { openStore, runMigrations } from '../storage/openStore';
import type { Store } from '../storage/store';

const DAY = 86_400_000;

/**
 * Retention of webhook deliveries that gave up (PRODUCT.md §7, §10), run on PGlite (node
 * project) and PostgreSQL (postgres project). Ids are unique per run, so a shared database
 * keeps working; `now` is the real clock, so rows of other suites are young and stay.
 */
export function defineFailedWebhookRetentionSuite(name: string, databaseUrl?: string): void {
  let store: Store;
  const run = randomUUID().slice(0, 8);
  const sessionId = `s-failed-${run}`;
  beforeAll(async () => {
    store = await openStore({ databaseUrl });
    await runMigrations(store);
  }, 60_000);
  afterAll(async () => {
    await store.query('DELETE FROM webhook_outbox WHERE session_id = $1', [sessionId]);
    await store.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
    await store.close();
  });

  describe(`failed webhook deliveries on ${name}`, () => {
    it('go 30 days after their last attempt (the default); a younger one stays and can be resent', async () => {
      const config = readEnvConfig({
        TOKENFRAME_WEBHOOK_URL: 'http://127.0.0.1:9/hooks',
        TOKENFRAME_WEBHOOK_SECRET: 'whsec_retention',
      });
      expect(config.operations.retention.failedWebhooks).toBe(30 * DAY);
      const now = Date.now();
      await store.query(
        `INSERT INTO sessions (id, program, participant_unique_id1, state, params, host_origin,
           language_locale_code, theme_variant, tracer_token, url_expires_ms, created_at, updated_at)
         VALUES ($1, 'demo', 'p', 'expired', '{}', 'http://localhost:3000', 'en-US', 'light', 'trc', 0, $2, $2)`,
        [sessionId, new Date(now - 60 * DAY)],
      );
      const [old, young] = [`failed-31d-${run}`, `failed-29d-${run}`];
      for (const [id, failedAt] of [
        [old, new Date(now - 31 * DAY)],
        [young, new Date(now - 29 * DAY)],
      ] as const)
        await store.query(
          `INSERT INTO webhook_outbox (id, program, session_id, topic, body, created_at, next_attempt_at, attempts, last_status, failed_at)
           VALUES ($1, 'demo', $2, 't', '{}', $3, $3, 20, 500, $4)`,
          [id, sessionId, new Date(now - 32 * DAY), failedAt],
        );

      while ((await runRetention(store, config, now)) > 0);

      const left = () =>
        store.query<{ id: string }>('SELECT id FROM webhook_outbox WHERE session_id = $1', [
          sessionId,
        ]);
      expect((await left()).map((r) => r.id)).toEqual([young]);
      expect(await resendDelivery(store, 'demo', old, now)).toBeNull();
      const resent = await resendDelivery(store, 'demo', young, now);
      expect(resent).toMatchObject({ event_id: young, state: 'pending', attempts: 0 });
      // Sent again, it is no longer `failed`: a later pass leaves it to the delivery job.
      await runRetention(store, config, now + 2 * DAY);
      expect(await left()).toEqual([{ id: young }]);
    });
  });
}
