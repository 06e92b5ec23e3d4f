import { randomUUID } from 'node:crypto';
import type { Store } from '../../storage/store';
import {
  WEBHOOK_VERSION,
  webhookEventSchemas,
  type WebhookPayload,
  type WebhookTopic,
} from '../../../protocol/webhooks';

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

/**
 * Writes one timeline row and its webhook outbox row in the caller's transaction, so an event
 * exists exactly when the state change that caused it commits. The payload is validated
 * against its topic's schema first (PRODUCT.md §7): a payload the contract does not allow
 * throws and rolls the whole change back rather than reach a merchant. Returns the event id
 * (the webhook's de-duplication id).
 */
export async function recordEvent(
  tx: Store,
  session: EventSession,
  topic: WebhookTopic,
  event: Record<string, unknown>,
  options: { now?: number } = {},
): Promise<string> {
  const parsed = webhookEventSchemas[topic].safeParse(event);
  if (!parsed.success)
    throw new InvalidEventPayload(
      topic,
      parsed.error.issues.map((issue) => issue.path.join('.')),
    );
  const id = randomUUID();
  const at = new Date(options.now ?? Date.now());
  const envelope = {
    metadata: { id, timestamp: at.toISOString(), topic, version: WEBHOOK_VERSION },
    data: {
      ancillary: {
        participant_unique_id1: session.participant_unique_id1,
        participant_unique_id2: session.participant_unique_id2 ?? '',
        session_id: session.id,
        tracer_token: session.tracer_token,
      },
      event: parsed.data,
    },
  } as WebhookPayload;
  // One statement for both rows: fewer round trips on the hot path of every create.
  await tx.query(
    `WITH timeline AS (
       INSERT INTO session_events (id, session_id, at, event_name, detail) VALUES ($1, $2, $3, $4, $6)
     )
     INSERT INTO webhook_outbox (id, program, session_id, topic, body, created_at, next_attempt_at)
     VALUES ($1, $5, $2, $4, $7, $3, $3)`,
    [
      id,
      session.id,
      at,
      topic,
      session.program,
      JSON.stringify(parsed.data),
      JSON.stringify(envelope),
    ],
  );
  return id;
}
