import type * as z from 'zod';
import type { webhookEnvelopeShape, webhookEventSchemas } from '../../../protocol/webhooks';

// Each topic's `data.event` as the service validates it before delivery (PRODUCT.md §7):
// inferred from protocol/webhooks.ts and printed expanded (no zod) by packages/build.

type PayloadOf<Topic extends keyof typeof webhookEventSchemas> = z.output<
  (typeof webhookEventSchemas)[Topic]
>;

/** `metadata` of every delivery: its id (de-duplicate on it), time, topic and version. */
export type WebhookMetadata = z.output<typeof webhookEnvelopeShape.metadata>;
/** `data.ancillary` of every delivery: which session and recipient the event is about. */
export type WebhookAncillary = z.output<typeof webhookEnvelopeShape.ancillary>;

/** `session.created`: a new session (an idempotent replay sends none). */
export type SessionCreatedWebhookPayload = PayloadOf<'session.created'>;
/** `session.authorized_url_issued`: a new single-use URL was issued. */
export type SessionAuthorizedUrlIssuedWebhookPayload = PayloadOf<'session.authorized_url_issued'>;
/** `session.mounted`: the widget exchanged an authorized URL. */
export type SessionMountedWebhookPayload = PayloadOf<'session.mounted'>;
/** `session.expired`: the authorized URL expired before the widget mounted it. */
export type SessionExpiredWebhookPayload = PayloadOf<'session.expired'>;
/** `session.terminated`: you ended the session with `sessions.terminate`. */
export type SessionTerminatedWebhookPayload = PayloadOf<'session.terminated'>;
/** `tokenframe.token_success`: store `customer_account_token` and pay out to it. */
export type TokenSuccessWebhookPayload = PayloadOf<'tokenframe.token_success'>;
/** `tokenframe.funding_canceled`: the recipient left the flow. */
export type FundingCanceledWebhookPayload = PayloadOf<'tokenframe.funding_canceled'>;
/** `tokenframe.account_could_not_be_verified`: one failed attempt, with the counters. */
export type AccountCouldNotBeVerifiedWebhookPayload =
  PayloadOf<'tokenframe.account_could_not_be_verified'>;
/** `tokenframe.max_verification_attempts_exceeded`: the session reached its attempt limit. */
export type MaxVerificationAttemptsExceededWebhookPayload =
  PayloadOf<'tokenframe.max_verification_attempts_exceeded'>;
/** `tokenframe.terminal_failure`: a check reached its limit for this mount. */
export type TerminalFailureWebhookPayload = PayloadOf<'tokenframe.terminal_failure'>;
/** `tokenframe.recipient_verification.success`: every recipient field matched (1103). */
export type RecipientVerificationSuccessWebhookPayload =
  PayloadOf<'tokenframe.recipient_verification.success'>;
/** `tokenframe.recipient_verification.soft_failure`: a soft mismatch, the attempt went on (1104). */
export type RecipientVerificationSoftFailureWebhookPayload =
  PayloadOf<'tokenframe.recipient_verification.soft_failure'>;
/** `tokenframe.recipient_verification.failure`: a hard mismatch failed the attempt (1105). */
export type RecipientVerificationFailureWebhookPayload =
  PayloadOf<'tokenframe.recipient_verification.failure'>;
/** `tokenframe.funding_destination_changed`: the recipient chose another method. */
export type FundingDestinationChangedWebhookPayload =
  PayloadOf<'tokenframe.funding_destination_changed'>;
