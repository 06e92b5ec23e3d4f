import * as z from 'zod/mini';
import { maskedAccountSchema } from './account';
import { EVENTS, FUNDING_DESTINATIONS, LOCALES, VERIFICATION_FEATURES } from './constants';

/**
 * Webhook payloads (PRODUCT.md §7): one schema per topic, validated by the service when it
 * records an event and listed in the OpenAPI document's `webhooks`. Flow topics are the SDK
 * event names and share their field names (`code` is the verification code in both); the
 * session topics have no SDK counterpart.
 */

/** Session-level topics (no SDK counterpart). */
export const SESSION_TOPICS = {
  CREATED: 'session.created',
  AUTHORIZED_URL_ISSUED: 'session.authorized_url_issued',
  EXPIRED: 'session.expired',
  MOUNTED: 'session.mounted',
  TERMINATED: 'session.terminated',
} as const;

/** Topics of the recipient flow; the first five are the SDK's event names. */
export const FLOW_TOPICS = {
  TOKEN_SUCCESS: EVENTS.TOKEN_SUCCESS,
  /** Any failed attempt (RVDM 1105, sandbox 700 / 777). */
  ACCOUNT_COULD_NOT_BE_VERIFIED: EVENTS.ACCOUNT_COULD_NOT_BE_VERIFIED,
  TERMINAL_FAILURE: EVENTS.TERMINAL_FAILURE,
  MAX_VERIFICATION_ATTEMPTS_EXCEEDED: EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED,
  FUNDING_CANCELED: EVENTS.FUNDING_CANCELED,
  /** RVDM results with per-field outcomes: 1103 all matched, 1104 soft mismatch, 1105 hard. */
  RECIPIENT_VERIFICATION_SUCCESS: 'tokenframe.recipient_verification.success',
  RECIPIENT_VERIFICATION_SOFT_FAILURE: 'tokenframe.recipient_verification.soft_failure',
  RECIPIENT_VERIFICATION_FAILURE: 'tokenframe.recipient_verification.failure',
  /** The recipient chose another funding destination ("use a different method"). */
  FUNDING_DESTINATION_CHANGED: 'tokenframe.funding_destination_changed',
} as const;

/** Version of the webhook envelope (`metadata.version`). */
export const WEBHOOK_VERSION = '1';

const fundingDestination = z.enum(Object.values(FUNDING_DESTINATIONS));
const feature = z.enum(VERIFICATION_FEATURES);
const count = z.int().check(z.minimum(0));
/** A verification code: RVDM 1103–1105, sandbox 700 / 777, 1127 for the attempt limit. */
const code = z.string().check(z.regex(/^\d{3,4}$/));
const fieldResult = z.strictObject({
  /** The recipient field compared, e.g. `last_name` or `zip_code`. */
  field_name: z.string(),
  /** Whether the entered account's holder matched the session's `recipient_information`. */
  is_matching: z.boolean(),
  /** Whether a mismatch of this field fails the attempt (otherwise a soft mismatch). */
  hard_fail_on_mismatch: z.boolean(),
});
const named = <T extends string, S extends z.core.$ZodLooseShape>(topic: T, shape: S) =>
  z.strictObject({
    /** The topic, the same as `metadata.topic`: narrow the event on it. */
    event_name: z.literal(topic),
    ...shape,
  });
const rvdm = <T extends string>(topic: T) =>
  named(topic, {
    /** `1103` all matched, `1104` soft mismatch, `1105` hard mismatch. */
    code,
    /** The funding destination of the attempt. */
    funding_destination: fundingDestination,
    /** One outcome per compared field. */
    field_results: z.array(fieldResult),
  });
/** Attempt counters of a failed verification (PRODUCT.md §4). */
const attempts = {
  /** Failed attempts counted against the session so far. */
  attempt_count: count,
  /** Failed attempts the session allows. */
  max_attempts: count,
};

/** `data.event` of each topic. */
export const webhookEventSchemas = {
  [SESSION_TOPICS.CREATED]: named(SESSION_TOPICS.CREATED, {
    /** A new session is `active`. */
    state: z.literal('active'),
    /** The widget's locale for this session, e.g. `en-US`. */
    language_locale_code: z.enum(LOCALES),
    /** The origin of the page allowed to embed the widget. */
    host_origin: z.string(),
  }),
  [SESSION_TOPICS.AUTHORIZED_URL_ISSUED]: named(SESSION_TOPICS.AUTHORIZED_URL_ISSUED, {
    /** When the new single-use URL expires (ISO 8601, UTC); the URL itself is never sent. */
    authorized_url_expiration_utc: z.iso.datetime(),
  }),
  [SESSION_TOPICS.MOUNTED]: named(SESSION_TOPICS.MOUNTED, {}),
  [SESSION_TOPICS.EXPIRED]: named(SESSION_TOPICS.EXPIRED, {}),
  [SESSION_TOPICS.TERMINATED]: named(SESSION_TOPICS.TERMINATED, {}),
  [FLOW_TOPICS.TOKEN_SUCCESS]: named(FLOW_TOPICS.TOKEN_SUCCESS, {
    /** The token to store and pay out to, `cat_…`; the same account gives the same token. */
    customer_account_token: z.string().check(z.regex(/^cat_[A-Za-z0-9_-]{16,64}$/)),
    /** The funding destination tokenized. */
    funding_destination: fundingDestination,
    /** The masked account: never more than the last four digits. */
    account: maskedAccountSchema,
  }),
  [FLOW_TOPICS.FUNDING_CANCELED]: named(FLOW_TOPICS.FUNDING_CANCELED, {
    /** Absent when the recipient left before choosing a method. */
    funding_destination: z.optional(fundingDestination),
  }),
  [FLOW_TOPICS.ACCOUNT_COULD_NOT_BE_VERIFIED]: named(FLOW_TOPICS.ACCOUNT_COULD_NOT_BE_VERIFIED, {
    /** Why: `1105` recipient mismatch (RVDM), `700` / `777` sandbox account failures. */
    code,
    /** The check that failed: `recipient_verification` or `account_verification`. */
    feature,
    /** The funding destination of the attempt. */
    funding_destination: fundingDestination,
    ...attempts,
    /** Failed attempts of this feature within the current mount. */
    feature_attempt_count: count,
    /** Failed attempts of one feature allowed per mount. */
    feature_max_attempts: count,
    /** Attempts of this check left before the mount or the session reaches its limit. */
    attempts_remaining: count,
    /** The recipient fields that did not match, when the check was RVDM. */
    mismatched_fields: z.optional(z.array(z.string())),
  }),
  [FLOW_TOPICS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED]: named(
    FLOW_TOPICS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED,
    {
      /** `1127`: the session's attempt limit is reached. */
      code,
      ...attempts,
    },
  ),
  [FLOW_TOPICS.TERMINAL_FAILURE]: named(FLOW_TOPICS.TERMINAL_FAILURE, {
    /** The check whose per-mount limit was reached. */
    feature,
    /** The funding destination of the attempt. */
    funding_destination: fundingDestination,
    /** The code of the last failure, e.g. `1105`. */
    error: code,
  }),
  [FLOW_TOPICS.RECIPIENT_VERIFICATION_SUCCESS]: rvdm(FLOW_TOPICS.RECIPIENT_VERIFICATION_SUCCESS),
  [FLOW_TOPICS.RECIPIENT_VERIFICATION_SOFT_FAILURE]: rvdm(
    FLOW_TOPICS.RECIPIENT_VERIFICATION_SOFT_FAILURE,
  ),
  [FLOW_TOPICS.RECIPIENT_VERIFICATION_FAILURE]: rvdm(FLOW_TOPICS.RECIPIENT_VERIFICATION_FAILURE),
  [FLOW_TOPICS.FUNDING_DESTINATION_CHANGED]: named(FLOW_TOPICS.FUNDING_DESTINATION_CHANGED, {
    /** The funding destination the recipient chose. */
    funding_destination: fundingDestination,
    /** The one they left; absent when none had been shown. */
    previous_funding_destination: z.optional(fundingDestination),
  }),
} as const;

/** Every webhook topic. */
export type WebhookTopic = keyof typeof webhookEventSchemas;

/** Every webhook topic, in the order of {@link webhookEventSchemas}. */
export const WEBHOOK_TOPICS = Object.keys(webhookEventSchemas) as WebhookTopic[];

/** `metadata` and `data.ancillary` of every webhook; `data.event` is the topic's schema. */
export const webhookEnvelopeShape = {
  metadata: z.strictObject({
    /** The event id: the same on every redelivery, so de-duplicate on it. */
    id: z.uuid(),
    /** When the event happened (ISO 8601, UTC). */
    timestamp: z.iso.datetime(),
    /** What happened, e.g. `tokenframe.token_success`; equals `data.event.event_name`. */
    topic: z.enum(WEBHOOK_TOPICS as [WebhookTopic, ...WebhookTopic[]]),
    /** Version of this envelope, `"1"`. */
    version: z.literal(WEBHOOK_VERSION),
  }),
  ancillary: z.strictObject({
    /** Your recipient id from the create request. */
    participant_unique_id1: z.string(),
    /** Your second id from the create request; `""` when the session was created without one, as in the Session API's responses. */
    participant_unique_id2: z.string(),
    /** The session id. */
    session_id: z.string(),
    /** Correlates the SDK's events, the webhooks and the service's logs of the session. */
    tracer_token: z.string(),
  }),
};

/** The full webhook body of one topic. */
export function webhookSchema<T extends WebhookTopic>(topic: T) {
  return z.strictObject({
    metadata: webhookEnvelopeShape.metadata,
    data: z.strictObject({
      ancillary: webhookEnvelopeShape.ancillary,
      event: webhookEventSchemas[topic],
    }),
  });
}

/** Any webhook body. */
export type WebhookPayload = {
  [T in WebhookTopic]: z.infer<ReturnType<typeof webhookSchema<T>>>;
}[WebhookTopic];
