import { verifyWebhookSignature, type WebhookSignatureFailure } from './webhookSignature';

/**
 * Receives the service's webhooks for the demo: verifies the signature on the raw bytes,
 * de-duplicates by `metadata.id` (delivery is at least once), and keeps a bounded log the
 * page can read.
 */

/** One event as the demo received it. */
export interface ReceivedWebhook {
  /** Position in the log, for `after=` polling. */
  seq: number;
  id: string;
  topic: string;
  receivedAt: string;
  /** How many times the service delivered it (retries and duplicates). */
  deliveries: number;
  sessionId?: string;
  participantUniqueId1?: string;
  body: unknown;
}

/** Outcome of one delivery, mapped to the HTTP answer. */
export type WebhookReceipt =
  | { status: 200; duplicate: boolean; webhook: ReceivedWebhook }
  | { status: 400; reason: WebhookSignatureFailure | 'invalid_body' };

interface WebhookEnvelope {
  metadata?: { id?: unknown; topic?: unknown };
  data?: { ancillary?: { session_id?: unknown; participant_unique_id1?: unknown } };
}

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The demo's webhook receiver and its log. */
export class WebhookInbox {
  readonly #byId = new Map<string, ReceivedWebhook>();
  readonly #secret: string;
  readonly #capacity: number;
  #seq = 0;

  constructor(secret: string, capacity = 2000) {
    this.#secret = secret;
    this.#capacity = capacity;
  }

  /** Handles one delivery: 400 for a bad signature or body, 200 otherwise (even duplicates). */
  receive(rawBody: Buffer, signatureHeader: string | undefined, now = new Date()): WebhookReceipt {
    const check = verifyWebhookSignature(signatureHeader, rawBody, this.#secret, {
      nowSeconds: Math.floor(now.getTime() / 1000),
    });
    if (!check.ok) return { status: 400, reason: check.reason };
    let envelope: WebhookEnvelope;
    try {
      envelope = JSON.parse(rawBody.toString('utf8')) as WebhookEnvelope;
    } catch {
      return { status: 400, reason: 'invalid_body' };
    }
    const id = asString(envelope?.metadata?.id);
    if (!id) return { status: 400, reason: 'invalid_body' };
    const known = this.#byId.get(id);
    if (known) {
      known.deliveries += 1;
      return { status: 200, duplicate: true, webhook: known };
    }
    this.#seq += 1;
    const webhook: ReceivedWebhook = {
      seq: this.#seq,
      id,
      topic: asString(envelope.metadata?.topic) ?? 'unknown',
      receivedAt: now.toISOString(),
      deliveries: 1,
      sessionId: asString(envelope.data?.ancillary?.session_id),
      participantUniqueId1: asString(envelope.data?.ancillary?.participant_unique_id1),
      body: envelope,
    };
    this.#byId.set(id, webhook);
    while (this.#byId.size > this.#capacity) {
      this.#byId.delete(this.#byId.keys().next().value as string);
    }
    return { status: 200, duplicate: false, webhook };
  }

  /** Received webhooks in arrival order, optionally after a `seq` and for one participant. */
  list(filter: { after?: number; participantUniqueId1?: string; sessionId?: string } = {}) {
    return [...this.#byId.values()].filter(
      (webhook) =>
        webhook.seq > (filter.after ?? 0) &&
        (!filter.participantUniqueId1 ||
          webhook.participantUniqueId1 === filter.participantUniqueId1) &&
        (!filter.sessionId || webhook.sessionId === filter.sessionId),
    );
  }
}
