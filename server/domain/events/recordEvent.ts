import { randomUUID } from 'node:crypto';
import type { Store } from '../../storage/store';
import { WEBHOOK_VERSION } from './topics';
import { sendsWebhooks } from './webhookPrograms';

/** The session fields an event needs; a full `SessionRow` fits. */
export interface EventSession {
  id: string;
  program: string;
  participant_unique_id1: string;
  participant_unique_id2: string | null;
  tracer_token: string;
}

/** The webhook body of PRODUCT.md §7. */
export interface WebhookEnvelope {
  metadata: { id: string; timestamp: string; topic: string; version: string };
  data: {
    ancillary: {
      participant_unique_id1: string;
      participant_unique_id2: string | null;
      session_id: string;
      tracer_token: string;
    };
    event: Record<string, unknown>;
  };
}

/** One event ready to be written: its id, timeline detail and exact webhook body. */
export interface EventRows {
  id: string;
  topic: string;
  /** JSON of the event (the timeline row's `detail`). */
  detail: string;
  /** JSON of the §7 envelope (the outbox row's `body`, signed as is). */
  body: string;
}

/**
 * Builds an event's rows without writing them, for writers that put them in a statement of
 * their own (a new session). `event` must already be free of secrets and full account
 * numbers: it goes to the merchant as is.
 */
export function eventRows(
  session: EventSession,
  topic: string,
  event: Record<string, unknown>,
  at: Date,
): EventRows {
  const id = randomUUID();
  const envelope: WebhookEnvelope = {
    metadata: { id, timestamp: at.toISOString(), topic, version: WEBHOOK_VERSION },
    data: {
      ancillary: {
        participant_unique_id1: session.participant_unique_id1,
        participant_unique_id2: session.participant_unique_id2,
        session_id: session.id,
        tracer_token: session.tracer_token,
      },
      event,
    },
  };
  return { id, topic, detail: JSON.stringify(event), body: JSON.stringify(envelope) };
}

/**
 * Writes one timeline row and its webhook outbox row in the caller's transaction, so an event
 * exists exactly when the state change that caused it commits. A program without a webhook
 * gets the timeline row only. Returns the event id (the webhook's de-duplication id).
 */
export async function recordEvent(
  tx: Store,
  session: EventSession,
  topic: string,
  event: Record<string, unknown>,
  options: { now?: number } = {},
): Promise<string> {
  const at = new Date(options.now ?? Date.now());
  const rows = eventRows(session, topic, event, at);
  if (!sendsWebhooks(session.program)) {
    await tx.query(
      'INSERT INTO session_events (id, session_id, at, event_name, detail) VALUES ($1, $2, $3, $4, $5)',
      [rows.id, session.id, at, topic, rows.detail],
    );
    return rows.id;
  }
  // One statement for both rows: fewer round trips on the hot path of every create.
  await tx.query(
    `WITH timeline AS (
       INSERT INTO session_events (id, session_id, at, event_name, detail) VALUES ($1, $2, $3, $4, $6)
     )
     INSERT INTO webhook_outbox (id, program, session_id, topic, body, created_at, next_attempt_at)
     VALUES ($1, $5, $2, $4, $7, $3, $3)`,
    [rows.id, session.id, at, topic, session.program, rows.detail, rows.body],
  );
  return rows.id;
}
