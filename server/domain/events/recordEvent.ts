import { randomUUID } from 'node:crypto';
import type { Store } from '../../storage/store';
import {
  WEBHOOK_VERSION,
  webhookEventSchemas,
  type WebhookPayload,
  type WebhookTopic,
} from '../../../protocol/webhooks';
import { sendsWebhooks } from './webhookPrograms';

/** The session fields an event needs; a full `SessionRow` fits. */
export interface EventSession {
  id: string;
  program: string;
  participant_unique_id1: string;
  participant_unique_id2: string | null;
  tracer_token: string;
}

/** An event payload that does not match its topic's schema in `protocol/webhooks.ts`. */
export class InvalidEventPayload extends Error {
  override readonly name = 'InvalidEventPayload';
  constructor(
    readonly topic: string,
    readonly paths: string[],
  ) {
    // Paths only: a value could be something the merchant must never receive.
    super(`event ${topic} does not match its webhook schema at ${paths.join(', ') || '(root)'}`);
  }
}

/** One event ready to be written: its id, timeline detail and exact webhook body. */
export interface EventRows {
  id: string;
  topic: WebhookTopic;
  /** JSON of the validated event (the timeline row's `detail`). */
  detail: string;
  /**
   * JSON of the §7 envelope (the outbox row's `body`, signed as is); `null` for a program
   * without a webhook, which gets no outbox row.
   */
  body: string | null;
}

/** Validates an event against its topic's schema (PRODUCT.md §7) and returns the parsed event. */
export function validatedEvent(
  topic: WebhookTopic,
  event: Record<string, unknown>,
): Record<string, unknown> {
  const parsed = webhookEventSchemas[topic].safeParse(event);
  if (!parsed.success)
    throw new InvalidEventPayload(
      topic,
      parsed.error.issues.map((issue) => issue.path.join('.')),
    );
  return parsed.data as Record<string, unknown>;
}

/**
 * Builds an event's rows without writing them, for `recordEvent` and for writers that put
 * them in a statement of their own (a new session). The payload is validated against its
 * topic's schema first: a payload the contract does not allow throws rather than reach a
 * merchant. The webhook body is built only for a program that has a webhook (`webhook`,
 * from {@link sendsWebhooks}): nothing would ever send it otherwise.
 */
export function eventRows(
  session: EventSession,
  topic: WebhookTopic,
  event: Record<string, unknown>,
  at: Date,
  webhook: boolean,
): EventRows {
  const parsed = validatedEvent(topic, event);
  const id = randomUUID();
  const detail = JSON.stringify(parsed);
  if (!webhook) return { id, topic, detail, body: null };
  const envelope = {
    metadata: { id, timestamp: at.toISOString(), topic, version: WEBHOOK_VERSION },
    data: {
      ancillary: {
        participant_unique_id1: session.participant_unique_id1,
        participant_unique_id2: session.participant_unique_id2 ?? '',
        session_id: session.id,
        tracer_token: session.tracer_token,
      },
      event: parsed,
    },
  } as WebhookPayload;
  return { id, topic, detail, body: JSON.stringify(envelope) };
}

/**
 * Writes one timeline row and its webhook outbox row in the caller's transaction, so an event
 * exists exactly when the state change that caused it commits; an invalid payload throws and
 * rolls the whole change back. A program without a webhook gets the timeline row only.
 * Returns the event id (the webhook's de-duplication id).
 */
export async function recordEvent(
  tx: Store,
  session: EventSession,
  topic: WebhookTopic,
  event: Record<string, unknown>,
  options: { now?: number } = {},
): Promise<string> {
  const at = new Date(options.now ?? Date.now());
  const rows = eventRows(session, topic, event, at, sendsWebhooks(session.program));
  if (rows.body === null) {
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
