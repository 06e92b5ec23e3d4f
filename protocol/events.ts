import * as z from 'zod/mini';
import {
  EVENTS,
  FUNDING_DESTINATIONS,
  PAGES,
  SESSION_ERROR_CODES,
  VERIFICATION_FEATURES,
} from './constants';
import { maskedAccountSchema } from './account';
import { eventCommonShape, eventEnvelopeSchema } from './eventEnvelope';

const fundingDestinationSchema = z.enum(Object.values(FUNDING_DESTINATIONS));
export { eventCommonShape, eventEnvelopeSchema };

const attemptsRemaining = z.int().check(z.minimum(0));

/** Full schemas of the events the widget sends, keyed by `event_name`. */
export const widgetEventSchemas = {
  [EVENTS.READY]: z.strictObject({
    /** `tokenframe.ready`: the widget shows the flow; `mount()` resolves with this payload. */
    event_name: z.literal(EVENTS.READY),
    ...eventCommonShape,
    /** The funding destination the flow runs for (`debit`, `credit`, `ach`, `paypal`, `billpay`). */
    funding_destination: fundingDestinationSchema,
    /** The locale the widget shows, e.g. `en-US`. */
    language_locale_code: z.string(),
  }),
  [EVENTS.PAGE_LOAD]: z.strictObject({
    /** `tokenframe.page_load`: the widget showed a page of the flow. */
    event_name: z.literal(EVENTS.PAGE_LOAD),
    ...eventCommonShape,
    /** The page now shown, e.g. `account_entry` or `confirmation`. */
    page: z.enum(PAGES),
  }),
  [EVENTS.TOKEN_SUCCESS]: z.strictObject({
    /** `tokenframe.token_success`: the account was verified and tokenized; the session is completed. */
    event_name: z.literal(EVENTS.TOKEN_SUCCESS),
    ...eventCommonShape,
    /** The token to store and pay out to, `cat_…`; the same account tokenized twice for one participant gives the same token. */
    customer_account_token: z.string().check(z.regex(/^cat_[A-Za-z0-9_-]{16,64}$/)),
    /** The funding destination the flow runs for (`debit`, `credit`, `ach`, `paypal`, `billpay`). */
    funding_destination: fundingDestinationSchema,
    /** What may be shown of the account: last four digits or masked email, brand or bank. */
    account: maskedAccountSchema,
  }),
  [EVENTS.FUNDING_CANCELED]: z.strictObject({
    /** `tokenframe.funding_canceled`: the recipient left without adding an account; the session is canceled. */
    event_name: z.literal(EVENTS.FUNDING_CANCELED),
    ...eventCommonShape,
    /** The funding destination the flow runs for (`debit`, `credit`, `ach`, `paypal`, `billpay`). */
    funding_destination: fundingDestinationSchema,
  }),
  [EVENTS.TERMINAL_FAILURE]: z.strictObject({
    /** `tokenframe.terminal_failure`: a verification feature reached its attempt limit for this mount. */
    event_name: z.literal(EVENTS.TERMINAL_FAILURE),
    ...eventCommonShape,
    /** The funding destination the flow runs for (`debit`, `credit`, `ach`, `paypal`, `billpay`). */
    funding_destination: fundingDestinationSchema,
    /** Which verification counted the attempt: `recipient_verification` or `account_verification`. */
    feature: z.enum(VERIFICATION_FEATURES),
    /** Machine-readable reason of the failure. */
    error: z.string().check(z.maxLength(100)),
  }),
  [EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED]: z.strictObject({
    /** `tokenframe.terminal_failure_acknowledged`: the recipient pressed Continue; the SDK re-requests a URL. */
    event_name: z.literal(EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED),
    ...eventCommonShape,
    /** The funding destination the flow runs for (`debit`, `credit`, `ach`, `paypal`, `billpay`). */
    funding_destination: fundingDestinationSchema,
    /** Which verification counted the attempt: `recipient_verification` or `account_verification`. */
    feature: z.enum(VERIFICATION_FEATURES),
  }),
  [EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED]: z.strictObject({
    /** `tokenframe.max_verification_attempts_exceeded`: the session's attempt limit was reached; it has ended. */
    event_name: z.literal(EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED),
    ...eventCommonShape,
  }),
  [EVENTS.ACCOUNT_COULD_NOT_BE_VERIFIED]: z.strictObject({
    /** `tokenframe.account_could_not_be_verified`: one failed verification attempt. */
    event_name: z.literal(EVENTS.ACCOUNT_COULD_NOT_BE_VERIFIED),
    ...eventCommonShape,
    /** The funding destination the flow runs for (`debit`, `credit`, `ach`, `paypal`, `billpay`). */
    funding_destination: fundingDestinationSchema,
    /** Which verification counted the attempt: `recipient_verification` or `account_verification`. */
    feature: z.enum(VERIFICATION_FEATURES),
    /** Sandbox status code, e.g. `700` (account not available) or `777` (name/address). */
    code: z.string().check(z.regex(/^\d{3,4}$/)),
    /** Attempts left for this feature in this mount. */
    attempts_remaining: attemptsRemaining,
  }),
  [EVENTS.SESSION_ERROR]: z.strictObject({
    /** `tokenframe.session_error`: the authorized_url could not start a flow. */
    event_name: z.literal(EVENTS.SESSION_ERROR),
    ...eventCommonShape,
    /** `url_expired`, `url_used`, `invalid_url` (the SDK re-requests), `session_completed` or `session_terminated` (final). */
    error: z.enum(SESSION_ERROR_CODES),
  }),
} as const;

/** Any event the widget may send to the host. */
export const widgetEventSchema = z.discriminatedUnion('event_name', [
  widgetEventSchemas[EVENTS.READY],
  widgetEventSchemas[EVENTS.PAGE_LOAD],
  widgetEventSchemas[EVENTS.TOKEN_SUCCESS],
  widgetEventSchemas[EVENTS.FUNDING_CANCELED],
  widgetEventSchemas[EVENTS.TERMINAL_FAILURE],
  widgetEventSchemas[EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED],
  widgetEventSchemas[EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED],
  widgetEventSchemas[EVENTS.ACCOUNT_COULD_NOT_BE_VERIFIED],
  widgetEventSchemas[EVENTS.SESSION_ERROR],
]);

/** An event the widget sends to the host; see {@link widgetEventSchema}. */
export type WidgetEvent = z.infer<typeof widgetEventSchema>;

/** Every {@link ReauthorizeReason}, in the order they are documented there. */
export const REAUTHORIZE_REASONS = [
  'initial',
  'url_expired',
  'url_used',
  'invalid_url',
  'load_failed',
  'handshake_timeout',
  'terminal_failure_acknowledged',
] as const;

/**
 * Why the SDK asks `fetchAuthorizedUrl` for a fresh authorized_url (PRODUCT.md §3).
 * - `initial`: `mount()` was called without a URL, so the first one comes from `fetchAuthorizedUrl`.
 * - `url_expired`, `url_used`, `invalid_url`: past its expiry before mounting, or the widget said so.
 * - `load_failed`: the frame loaded but no widget said hello within 3 s of its `load`: the
 *   browser refused to frame it (`frame-ancestors`, the page's `frame-src`) or showed an error page.
 * - `handshake_timeout`: no handshake and READY within `handshakeTimeoutMs`: a slow widget.
 * - `terminal_failure_acknowledged`: the recipient pressed Continue after TERMINAL_FAILURE.
 */
export type ReauthorizeReason = (typeof REAUTHORIZE_REASONS)[number];

/** Events the SDK itself emits (never sent over the wire; listed for the shared types). */
export const sdkEventSchemas = {
  [EVENTS.REAUTHORIZING]: z.strictObject({
    /** `tokenframe.reauthorizing`: the SDK is asking `fetchAuthorizedUrl` for a fresh URL. */
    event_name: z.literal(EVENTS.REAUTHORIZING),
    ...eventCommonShape,
    /** Why a fresh URL is needed: `initial` (mount without a URL), `url_expired`, `url_used`, `invalid_url`, `load_failed` (the frame loaded without a widget: the browser refused to frame it, check `host_uri` and your CSP's `frame-src`), `handshake_timeout` (the widget was too slow) or `terminal_failure_acknowledged`. */
    reason: z.enum(REAUTHORIZE_REASONS),
    /** 1 for the first re-request of a failure streak, then 2, 3, … */
    attempt: z.int().check(z.minimum(1)),
  }),
  [EVENTS.PLUGIN_ERROR]: z.strictObject({
    /** `tokenframe.plugin_error`: the SDK gave up on this mount; `mount()` rejected with the same code. */
    event_name: z.literal(EVENTS.PLUGIN_ERROR),
    ...eventCommonShape,
    /** The `TokenframeError` code the mount failed with, e.g. `reauthorization_failed`. */
    code: z.string(),
    /** A message for developers; not shown to recipients, may change. */
    message: z.string(),
  }),
} as const;

/** The REAUTHORIZING payload. */
export type ReauthorizingEvent = z.infer<(typeof sdkEventSchemas)[typeof EVENTS.REAUTHORIZING]>;
/** The PLUGIN_ERROR payload. */
export type PluginErrorEvent = z.infer<(typeof sdkEventSchemas)[typeof EVENTS.PLUGIN_ERROR]>;
/** Any payload a merchant listener can receive. */
export type TokenframeEvent = WidgetEvent | ReauthorizingEvent | PluginErrorEvent;
