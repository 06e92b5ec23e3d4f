import { createHmac, timingSafeEqual } from 'node:crypto';
import type {
  AccountCouldNotBeVerifiedWebhookPayload,
  FundingCanceledWebhookPayload,
  FundingDestinationChangedWebhookPayload,
  MaxVerificationAttemptsExceededWebhookPayload,
  RecipientVerificationFailureWebhookPayload,
  RecipientVerificationSoftFailureWebhookPayload,
  RecipientVerificationSuccessWebhookPayload,
  SessionAuthorizedUrlIssuedWebhookPayload,
  SessionCreatedWebhookPayload,
  SessionExpiredWebhookPayload,
  SessionMountedWebhookPayload,
  SessionTerminatedWebhookPayload,
  TerminalFailureWebhookPayload,
  TokenSuccessWebhookPayload,
  WebhookAncillary,
  WebhookMetadata,
} from './webhookPayloads';

/**
 * Each topic's `data.event`. Topics are the keys; the payload types come from the schemas the
 * service validates every delivery with (PRODUCT.md §7).
 */
export interface WebhookPayloadByTopic {
  /** A new session. */
  'session.created': SessionCreatedWebhookPayload;
  /** A new single-use URL. */
  'session.authorized_url_issued': SessionAuthorizedUrlIssuedWebhookPayload;
  /** The widget mounted a URL. */
  'session.mounted': SessionMountedWebhookPayload;
  /** The URL expired unmounted. */
  'session.expired': SessionExpiredWebhookPayload;
  /** You terminated the session. */
  'session.terminated': SessionTerminatedWebhookPayload;
  /** The account is tokenized: store the token. */
  'tokenframe.token_success': TokenSuccessWebhookPayload;
  /** The recipient canceled. */
  'tokenframe.funding_canceled': FundingCanceledWebhookPayload;
  /** One failed attempt. */
  'tokenframe.account_could_not_be_verified': AccountCouldNotBeVerifiedWebhookPayload;
  /** The session's attempt limit. */
  'tokenframe.max_verification_attempts_exceeded': MaxVerificationAttemptsExceededWebhookPayload;
  /** A check's per-mount limit. */
  'tokenframe.terminal_failure': TerminalFailureWebhookPayload;
  /** RVDM: all matched. */
  'tokenframe.recipient_verification.success': RecipientVerificationSuccessWebhookPayload;
  /** RVDM: soft mismatch. */
  'tokenframe.recipient_verification.soft_failure': RecipientVerificationSoftFailureWebhookPayload;
  /** RVDM: hard mismatch. */
  'tokenframe.recipient_verification.failure': RecipientVerificationFailureWebhookPayload;
  /** The recipient chose another method. */
  'tokenframe.funding_destination_changed': FundingDestinationChangedWebhookPayload;
}

/** Every webhook topic (`metadata.topic`, and `event_name` of `data.event`). */
export type WebhookTopic = keyof WebhookPayloadByTopic;

/** A delivery's `data.event`, discriminated by `event_name`: narrow on it (or `switch`). */
export type WebhookPayload = WebhookPayloadByTopic[WebhookTopic];

/**
 * One webhook delivery's body (PRODUCT.md §7). `WebhookEvent<'tokenframe.token_success'>`
 * types a handler of one topic; the default is any topic.
 */
export interface WebhookEvent<Topic extends WebhookTopic = WebhookTopic> {
  /** About the delivery: its id (the same on every redelivery), time, topic and version. */
  metadata: WebhookMetadata & {
    /** What happened, e.g. `tokenframe.token_success`; equals `data.event.event_name`. */
    topic: Topic;
  };
  /** The session and the event. */
  data: {
    /** Which session and recipient the event is about. */
    ancillary: WebhookAncillary;
    /**
     * The event; narrow on `event_name`:
     * `if (event.data.event.event_name === 'tokenframe.token_success') save(event.data.event.customer_account_token)`.
     */
    event: WebhookPayloadByTopic[Topic];
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
