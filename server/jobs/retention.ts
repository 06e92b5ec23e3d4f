import type { ServiceConfig } from '../config';
import { retentionDeletes } from '../metrics/serviceMetrics';
import type { Store } from '../storage/store';
import type { Job } from './scheduler';

/** Name of the retention job on the scheduler. */
export const RETENTION_JOB = 'retention';

/** Rows one statement touches at most, so no pass holds the store for long. */
export const RETENTION_BATCH = 1000;

/**
 * One pass of retention: each table loses at most {@link RETENTION_BATCH} rows older than
 * its configured age, one short statement each (a busy pass is followed by another at once,
 * and other requests interleave between statements on the embedded store). Returns the
 * number of rows removed or scrubbed.
 */
export async function runRetention(
  store: Store,
  config: Pick<ServiceConfig, 'operations' | 'programs'>,
  now: number,
  batch = RETENTION_BATCH,
): Promise<number> {
  const ages = config.operations.retention;
  const before = (ms: number) => new Date(now - ms);
  const webhookPrograms = config.programs.filter((p) => p.webhook).map((p) => p.username);
  const steps: [table: string, sql: string, params: unknown[]][] = [
    [
      'idempotency_keys',
      `DELETE FROM idempotency_keys WHERE ctid IN (
         SELECT ctid FROM idempotency_keys WHERE expires_at < $1 LIMIT $2)`,
      [before(ages.expiredIdempotencyKeys), batch],
    ],
    [
      'webhook_outbox',
      `DELETE FROM webhook_outbox WHERE id IN (
         SELECT id FROM webhook_outbox WHERE delivered_at < $1 LIMIT $2)`,
      [before(ages.deliveredWebhooks), batch],
    ],
    [
      // A delivery that gave up stays resendable for this long after its last attempt; a
      // resend clears `failed_at`, so a row being sent again is never removed here.
      'webhook_outbox',
      `DELETE FROM webhook_outbox WHERE id IN (
         SELECT id FROM webhook_outbox WHERE failed_at < $1 LIMIT $2)`,
      [before(ages.failedWebhooks), batch],
    ],
    [
      // Rows of a program that has no webhook (written before such rows were skipped) will
      // never be sent: they go once they are as old as a delivered row would be kept.
      'webhook_outbox',
      `DELETE FROM webhook_outbox WHERE id IN (
         SELECT id FROM webhook_outbox
          WHERE delivered_at IS NULL AND created_at < $1 AND NOT (program = ANY($3::text[]))
          LIMIT $2)`,
      [before(ages.deliveredWebhooks), batch, webhookPrograms],
    ],
    [
      'session_events',
      `DELETE FROM session_events WHERE ctid IN (
         SELECT ctid FROM session_events WHERE at < $1 LIMIT $2)`,
      [before(ages.timeline), batch],
    ],
    [
      // An account verified but never confirmed keeps its masked form for the ops view; the
      // sealed payout and fingerprint go once the mount has long ended (PRODUCT.md §10).
      'mounts',
      `UPDATE mounts SET verified_account = verified_account - 'sealed_payout' - 'fingerprint'
        WHERE id IN (SELECT id FROM mounts
                      WHERE expires_at < $1 AND verified_account ? 'sealed_payout' LIMIT $2)`,
      [before(ages.unconfirmedVaultPayloads), batch],
    ],
    [
      // A bucket untouched for an hour has refilled (bursts are at most minutes long).
      'rate_limit_buckets',
      `DELETE FROM rate_limit_buckets WHERE key IN (
         SELECT key FROM rate_limit_buckets WHERE at_ms < $1 LIMIT $2)`,
      [now - 3_600_000, batch],
    ],
    [
      // Card-testing counters: a window is at most a day long, so older ones have ended.
      'widget_call_counts',
      `DELETE FROM widget_call_counts WHERE (scope, subject, window_start) IN (
         SELECT scope, subject, window_start FROM widget_call_counts
          WHERE window_start < $1 LIMIT $2)`,
      [before(86_400_000), batch],
    ],
  ];
  let total = 0;
  for (const [table, sql, params] of steps) {
    const rows = await store.query<Record<string, never>>(`${sql} RETURNING 1 AS gone`, params);
    if (rows.length > 0) retentionDeletes.inc({ table }, rows.length);
    total += rows.length;
  }
  return total;
}

/** The retention job: a pass every `retentionIntervalMs` (1 min), at once again while there is a backlog. */
export function retentionJob(options: {
  store: Store;
  config: Pick<ServiceConfig, 'operations' | 'programs'>;
  clock?: () => number;
  idleMs?: number;
}): Job {
  const clock = options.clock ?? Date.now;
  return {
    name: RETENTION_JOB,
    idleMs: options.idleMs ?? options.config.operations.retentionIntervalMs,
    runOnce: () => runRetention(options.store, options.config, clock()),
  };
}
