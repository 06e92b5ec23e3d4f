import type { Logger } from 'pino';
import type { ServiceConfig } from '../config';
import type { Store } from '../storage/store';
import { startScheduler, type Job } from './scheduler';
import { signWebhook } from '../../protocol/webhookSignature';
import { markAttemptFailed, markDelivered } from '../domain/events/webhookDeliveries';
import { eachWithConcurrency } from './eachWithConcurrency';
import { webhookAttempts, webhookFailures } from '../metrics/serviceMetrics';

/** Name of the webhook delivery job on the scheduler. */
export const WEBHOOK_DELIVERY_JOB = 'webhook-delivery';

/** Tunables of {@link webhookDeliveryJob}; tests shorten them. */
export interface WebhookWorkerOptions {
  store: Store;
  config: ServiceConfig;
  clock?: () => number;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Poll interval when idle (ms). */
  pollMs?: number;
  /** First retry delay; doubles per attempt up to `maxBackoffMs`. */
  retryBaseMs?: number;
  maxBackoffMs?: number;
  /** How long a claimed row is reserved for this instance before another may retry it. */
  leaseMs?: number;
  /** Per-delivery HTTP timeout. */
  timeoutMs?: number;
  /** Rows claimed per pass. */
  batchSize?: number;
  /** Deliveries of one pass in flight at once (each holds one connection to a receiver). */
  concurrency?: number;
}

/** A running worker. */
export interface WebhookWorker {
  /** One claim-and-deliver pass; resolves with the number of rows attempted. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
}

interface OutboxRow {
  id: string;
  program: string;
  body: string;
  attempts: number;
}

/** Delay before retry number `attempts` (1-based): exponential with ±20 % jitter, capped. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (0.8 + Math.random() * 0.4));
}

/**
 * Delivers the outbox at least once. Rows are claimed with `FOR UPDATE SKIP LOCKED` and a
 * lease, so several instances never send one event at the same moment, and a crash mid-send
 * only delays that event until its lease ends.
 */
export function webhookDeliveryJob(options: WebhookWorkerOptions): Job {
  const clock = options.clock ?? Date.now;
  const pollMs = options.pollMs ?? 1000;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 60 * 60 * 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  // A pass claims many rows and keeps a bounded number of deliveries in flight: one pass of
  // 20 sent strictly together could not keep up with a few hundred creates a second (three
  // events each), and the outbox grew. Order is not promised (PRODUCT.md §7: at least once,
  // with an id to de-duplicate on), so rows of one session may be sent side by side.
  // Successes are recorded when the pass ends, so a pass must end within its lease even when
  // every delivery times out: at most (lease ÷ timeout − 1) rounds of `concurrency`.
  const concurrency = options.concurrency ?? 32;
  const batchSize = Math.min(
    options.batchSize ?? 200,
    concurrency * Math.max(1, Math.floor(leaseMs / timeoutMs) - 1),
  );
  const webhooks = new Map(
    options.config.programs.filter((p) => p.webhook).map((p) => [p.username, p.webhook!] as const),
  );
  async function claim(now: number): Promise<OutboxRow[]> {
    if (webhooks.size === 0) return [];
    return options.store.query<OutboxRow>(
      `UPDATE webhook_outbox SET locked_until = $2
        WHERE id IN (SELECT id FROM webhook_outbox
                      WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
                        AND (locked_until IS NULL OR locked_until <= $1)
                        AND program = ANY($3::text[])
                      ORDER BY next_attempt_at, created_at
                      LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING id, program, body, attempts`,
      [new Date(now), new Date(now + leaseMs), [...webhooks.keys()], batchSize],
    );
  }

  /** Sends one row; resolves with its 2xx status, or records the failure and resolves `null`. */
  async function deliver(row: OutboxRow): Promise<number | null> {
    const webhook = webhooks.get(row.program)!;
    // During a rotation both secrets sign, one `v1` each (PRODUCT.md §7).
    const secrets = [webhook.secret, ...(webhook.previous_secret ? [webhook.previous_secret] : [])];
    let status: number | null = null;
    let failure: string | null = null;
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Tokenframe-Signature': await signWebhook(secrets, Math.floor(clock() / 1000), row.body),
          'Tokenframe-Event-Id': row.id,
        },
        body: row.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      status = response.status;
      if (response.status < 200 || response.status >= 300) failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = (error as Error).name === 'TimeoutError' ? 'timeout' : 'connection failed';
    }
    const now = clock();
    webhookAttempts.inc({ outcome: failure === null ? 'delivered' : 'failed' });
    if (failure !== null)
      webhookFailures.inc({
        reason: failure.startsWith('HTTP ')
          ? `http_${failure.slice(5)}`
          : failure.replace(' ', '_'),
      });
    if (failure === null) return status;
    const attempts = row.attempts + 1;
    const gaveUp = attempts >= webhook.max_attempts;
    options.log?.warn(
      { event_id: row.id, attempts, failure },
      gaveUp
        ? 'webhook delivery failed; giving up (resend through the ops API)'
        : 'webhook delivery failed; will retry',
    );
    await markAttemptFailed(
      options.store,
      row.id,
      { attempts, status, error: failure, gaveUp },
      now + backoffMs(attempts, retryBaseMs, maxBackoffMs),
      now,
    );
    return null;
  }

  return {
    name: WEBHOOK_DELIVERY_JOB,
    idleMs: pollMs,
    runOnce: async () => {
      const rows = await claim(clock());
      const delivered: { id: string; status: number }[] = [];
      await eachWithConcurrency(rows, concurrency, async (row) => {
        const status = await deliver(row);
        if (status !== null) delivered.push({ id: row.id, status });
      });
      // One statement records the whole pass's successes (each row's lease covers the wait).
      await markDelivered(options.store, delivered, clock());
      return rows.length;
    },
  };
}

/** A scheduler running only the webhook delivery job (tests and single-job use). */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const scheduler = startScheduler([webhookDeliveryJob(options)], options.log);
  return { runOnce: () => scheduler.run(WEBHOOK_DELIVERY_JOB), stop: scheduler.stop };
}
