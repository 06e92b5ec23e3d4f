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
  | 'tokenframe.account_could_not_be_verified';
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
     * The event's fields, named as the SDK's events (`customer_account_token`,
     * `funding_destination`, masked `account`, …). Never a full account number.
     */
    event: {
      event_name?: string;
    } & Record<string, unknown>;
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
export declare class TokenframeSignatureError extends Error {
  constructor(message: string);
}
/**
 * Verifies a delivery's `Tokenframe-Signature` header (`t=<unix>,v1=<hex>[,v1=<hex>…]`) over
 * the raw body and returns the parsed event; throws {@link TokenframeSignatureError}
 * otherwise. Pass the body exactly as received (before any JSON parsing: one changed byte
 * fails). During a secret rotation pass both secrets; the header carries one `v1` per secret,
 * and any match is accepted.
 */
export declare function constructEvent(
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  secretOrSecrets: string | readonly string[],
  options?: ConstructEventOptions,
): WebhookEvent;
