import type { Store } from '../../storage/store';

/** Where a delivery stands: waiting for its next try, received with a 2xx, or given up. */
export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One row of the delivery log as the ops API shows it (PRODUCT.md §7). */
export interface DeliveryView {
  event_id: string;
  session_identifier: string;
  topic: string;
  state: DeliveryState;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  next_attempt_at: string | null;
  delivered_at: string | null;
  failed_at: string | null;
}

interface OutboxLogRow {
  id: string;
  session_id: string;
  topic: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: Date | string;
  next_attempt_at: Date | string;
  delivered_at: Date | string | null;
  failed_at: Date | string | null;
}

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

function viewOf(row: OutboxLogRow): DeliveryView {
  const state: DeliveryState = row.delivered_at
    ? 'delivered'
    : row.failed_at
      ? 'failed'
      : 'pending';
  return {
    event_id: row.id,
    session_identifier: row.session_id,
    topic: row.topic,
    state,
    attempts: row.attempts,
    last_status: row.last_status,
    last_error: row.last_error,
    created_at: iso(row.created_at)!,
    next_attempt_at: state === 'pending' ? iso(row.next_attempt_at) : null,
    delivered_at: iso(row.delivered_at),
    failed_at: iso(row.failed_at),
  };
}

const LOG_COLUMNS =
  'id, session_id, topic, attempts, last_status, last_error, created_at, next_attempt_at, delivered_at, failed_at';

/** The deliveries of one session of `program`, oldest first. */
export async function deliveriesOfSession(
  store: Store,
  program: string,
  sessionId: string,
): Promise<DeliveryView[]> {
  const rows = await store.query<OutboxLogRow>(
    `SELECT ${LOG_COLUMNS} FROM webhook_outbox WHERE session_id = $1 AND program = $2 ORDER BY created_at, id`,
    [sessionId, program],
  );
  return rows.map(viewOf);
}

/** One delivery of `program` by its event id, or `null`. */
export async function deliveryOfEvent(
  store: Store,
  program: string,
  eventId: string,
): Promise<DeliveryView | null> {
  const rows = await store.query<OutboxLogRow>(
    `SELECT ${LOG_COLUMNS} FROM webhook_outbox WHERE id = $1 AND program = $2`,
    [eventId, program],
  );
  return rows[0] ? viewOf(rows[0]) : null;
}

/** Records the 2xx of each delivery in `delivered`, in one statement. */
export async function markDelivered(
  store: Store,
  delivered: readonly { id: string; status: number }[],
  now: number,
) {
  if (delivered.length === 0) return;
  await store.query(
    `UPDATE webhook_outbox AS o SET delivered_at = $3, attempts = o.attempts + 1,
            locked_until = NULL, last_status = d.status, last_error = NULL
       FROM unnest($1::text[], $2::int[]) AS d (id, status)
      WHERE o.id = d.id`,
    [delivered.map((d) => d.id), delivered.map((d) => d.status), new Date(now)],
  );
}

/**
 * Records a failed attempt: the next try at `nextAttemptMs`, or `failed` once `attempts`
 * reached the program's cap. `error` is the service's own wording (`HTTP 500`, `timeout`),
 * never the receiver's response body.
 */
export async function markAttemptFailed(
  store: Store,
  eventId: string,
  failure: { attempts: number; status: number | null; error: string; gaveUp: boolean },
  nextAttemptMs: number,
  now: number,
) {
  await store.query(
    `UPDATE webhook_outbox SET attempts = $2, next_attempt_at = $3, locked_until = NULL,
            last_status = $4, last_error = $5, failed_at = $6 WHERE id = $1`,
    [
      eventId,
      failure.attempts,
      new Date(nextAttemptMs),
      failure.status,
      failure.error,
      failure.gaveUp ? new Date(now) : null,
    ],
  );
}

/**
 * Queues a delivery of `program` to be sent again now, with a fresh attempt budget: a failed
 * one after its receiver is fixed, or a delivered one the receiver lost. The body (and so the
 * event id receivers de-duplicate on) is unchanged. `null` when there is no such event.
 */
export async function resendDelivery(
  store: Store,
  program: string,
  eventId: string,
  now: number,
): Promise<DeliveryView | null> {
  const rows = await store.query<OutboxLogRow>(
    `UPDATE webhook_outbox SET attempts = 0, next_attempt_at = $3, locked_until = NULL,
            delivered_at = NULL, failed_at = NULL, resent_at = $3
      WHERE id = $1 AND program = $2 RETURNING ${LOG_COLUMNS}`,
    [eventId, program, new Date(now)],
  );
  return rows[0] ? viewOf(rows[0]) : null;
}
