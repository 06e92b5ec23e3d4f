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
  field_name: z.string(),
  is_matching: z.boolean(),
  hard_fail_on_mismatch: z.boolean(),
});
const named = <T extends string, S extends z.core.$ZodLooseShape>(topic: T, shape: S) =>
  z.strictObject({ event_name: z.literal(topic), ...shape });
const rvdm = <T extends string>(topic: T) =>
  named(topic, {
    code,
    funding_destination: fundingDestination,
    field_results: z.array(fieldResult),
  });

/** `data.event` of each topic. */
export const webhookEventSchemas = {
  [SESSION_TOPICS.CREATED]: named(SESSION_TOPICS.CREATED, {
    state: z.literal('active'),
    language_locale_code: z.enum(LOCALES),
    host_origin: z.string(),
  }),
  [SESSION_TOPICS.AUTHORIZED_URL_ISSUED]: named(SESSION_TOPICS.AUTHORIZED_URL_ISSUED, {
    authorized_url_expiration_utc: z.iso.datetime(),
  }),
  [SESSION_TOPICS.MOUNTED]: named(SESSION_TOPICS.MOUNTED, {}),
  [SESSION_TOPICS.EXPIRED]: named(SESSION_TOPICS.EXPIRED, {}),
  [SESSION_TOPICS.TERMINATED]: named(SESSION_TOPICS.TERMINATED, {}),
  [FLOW_TOPICS.TOKEN_SUCCESS]: named(FLOW_TOPICS.TOKEN_SUCCESS, {
    customer_account_token: z.string().check(z.regex(/^cat_[A-Za-z0-9_-]{16,64}$/)),
    funding_destination: fundingDestination,
    account: maskedAccountSchema,
  }),
  [FLOW_TOPICS.FUNDING_CANCELED]: named(FLOW_TOPICS.FUNDING_CANCELED, {
    /** Absent when the recipient left before choosing a method. */
    funding_destination: z.optional(fundingDestination),
  }),
  [FLOW_TOPICS.ACCOUNT_COULD_NOT_BE_VERIFIED]: named(FLOW_TOPICS.ACCOUNT_COULD_NOT_BE_VERIFIED, {
    code,
    feature,
    funding_destination: fundingDestination,
    attempt_count: count,
    max_attempts: count,
    feature_attempt_count: count,
    feature_max_attempts: count,
    attempts_remaining: count,
    mismatched_fields: z.optional(z.array(z.string())),
  }),
  [FLOW_TOPICS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED]: named(
    FLOW_TOPICS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED,
    { code, attempt_count: count, max_attempts: count },
  ),
  [FLOW_TOPICS.TERMINAL_FAILURE]: named(FLOW_TOPICS.TERMINAL_FAILURE, {
    feature,
    funding_destination: fundingDestination,
    error: code,
  }),
  [FLOW_TOPICS.RECIPIENT_VERIFICATION_SUCCESS]: rvdm(FLOW_TOPICS.RECIPIENT_VERIFICATION_SUCCESS),
  [FLOW_TOPICS.RECIPIENT_VERIFICATION_SOFT_FAILURE]: rvdm(
    FLOW_TOPICS.RECIPIENT_VERIFICATION_SOFT_FAILURE,
  ),
  [FLOW_TOPICS.RECIPIENT_VERIFICATION_FAILURE]: rvdm(FLOW_TOPICS.RECIPIENT_VERIFICATION_FAILURE),
  [FLOW_TOPICS.FUNDING_DESTINATION_CHANGED]: named(FLOW_TOPICS.FUNDING_DESTINATION_CHANGED, {
    funding_destination: fundingDestination,
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
    id: z.uuid(),
    timestamp: z.iso.datetime(),
    topic: z.enum(WEBHOOK_TOPICS as [WebhookTopic, ...WebhookTopic[]]),
    version: z.literal(WEBHOOK_VERSION),
  }),
  ancillary: z.strictObject({
    participant_unique_id1: z.string(),
    /** `""` when the session was created without one, as in the Session API's responses. */
    participant_unique_id2: z.string(),
    session_id: z.string(),
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
