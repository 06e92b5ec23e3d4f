import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TokenizedAccount } from './apiTypes';

/** Session-level topics; flow events use their `event_name` (`tokenframe.token_success`, …). */
export type WebhookTopic =
  | 'session.created'
  | 'session.authorized_url_issued'
  | 'session.expired'
  | 'session.mounted'
  | 'session.terminated'
  | 'tokenframe.token_success'
  | 'tokenframe.funding_canceled'
  | 'tokenframe.terminal_failure'
  | 'tokenframe.max_verification_attempts_exceeded'
  | 'tokenframe.account_could_not_be_verified'
  | 'tokenframe.recipient_verification.success'
  | 'tokenframe.recipient_verification.soft_failure'
  | 'tokenframe.recipient_verification.failure'
  | 'tokenframe.funding_destination_changed';

/** The `event` of a `tokenframe.token_success` delivery: store `customer_account_token`. */
export type TokenSuccessWebhookPayload = {
  /** `tokenframe.token_success`. */
  event_name: 'tokenframe.token_success';
  /** `tokenized`. */
  status: 'tokenized';
} & TokenizedAccount;

/** The `event` of any other delivery: its `event_name` is the topic. */
export interface OtherWebhookPayload {
  /** The topic, e.g. `session.created`. */
  event_name: Exclude<WebhookTopic, 'tokenframe.token_success'>;
  /** Fields of the event, named as the SDK's events (never a full account number). */
  [field: string]: unknown;
}

/** A delivery's `event`, discriminated by `event_name`. */
export type WebhookPayload = TokenSuccessWebhookPayload | OtherWebhookPayload;

/** One webhook delivery's body (PRODUCT.md §7). */
export interface WebhookEvent {
  /** About the delivery. */
  metadata: {
    /** The event id: the same on every redelivery, so de-duplicate on it. */
    id: string;
    /** When the event happened (ISO 8601). */
    timestamp: string;
    /** What happened, e.g. `tokenframe.token_success` or `session.created`. */
    topic: WebhookTopic;
    /** Version of this envelope, `"1"`. */
    version: string;
  };
  /** The session and the event. */
  data: {
    /** Which session and recipient the event is about. */
    ancillary: {
      /** Your recipient id from the create request. */
      participant_unique_id1: string;
      /** Your second id from the create request, or null. */
      participant_unique_id2: string | null;
      /** The session id. */
      session_id: string;
      /** Correlates with the SDK's events and the service's logs. */
      tracer_token: string;
    };
    /**
     * The event, named as the SDK's events; narrow on `event_name`:
     * `if (event.data.event.event_name === 'tokenframe.token_success') save(event.data.event.customer_account_token)`.
     */
    event: WebhookPayload;
  };
}

/** Options of {@link constructEvent}. */
export interface ConstructEventOptions {
  /** Largest accepted distance between the header's `t` and now, in seconds. Default: 300. */
  toleranceSeconds?: number;
  /** The current time in Unix seconds; for tests. */
  nowSeconds?: number;
}

/** Thrown by {@link constructEvent} when a delivery must not be trusted. */
export class TokenframeSignatureError extends Error {
  constructor(message: string) {
    super(`Tokenframe webhook: ${message}`);
    this.name = 'TokenframeSignatureError';
  }
}

/**
 * Verifies a delivery's `Tokenframe-Signature` header (`t=<unix>,v1=<hex>[,v1=<hex>…]`) over
 * the raw body and returns the parsed event; throws {@link TokenframeSignatureError}
 * otherwise. Pass the body exactly as received (before any JSON parsing: one changed byte
 * fails). During a secret rotation pass both secrets; the header carries one `v1` per secret,
 * and any match is accepted.
 */
export function constructEvent(
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  secretOrSecrets: string | readonly string[],
  options: ConstructEventOptions = {},
): WebhookEvent {
  const body = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
  const secrets = typeof secretOrSecrets === 'string' ? [secretOrSecrets] : [...secretOrSecrets];
  if (secrets.length === 0 || secrets.some((secret) => !secret)) {
    throw new TokenframeSignatureError('no webhook secret given');
  }
  let timestamp: number | null = null;
  const signatures: Buffer[] = [];
  for (const part of (header ?? '').split(',')) {
    const [key, value = ''] = part.trim().split('=', 2) as [string, string?];
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === null || signatures.length === 0) {
    throw new TokenframeSignatureError('the Tokenframe-Signature header has no t= or v1= value');
  }
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) {
    throw new TokenframeSignatureError('the timestamp is outside the tolerance (a replay?)');
  }
  const matches = secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
    return signatures.some((given) => timingSafeEqual(expected, given));
  });
  if (!matches) throw new TokenframeSignatureError('no signature matches the body and secret');
  return JSON.parse(body) as WebhookEvent;
}
