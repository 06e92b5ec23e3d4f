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
    event_name: z.literal(EVENTS.READY),
    ...eventCommonShape,
    funding_destination: fundingDestinationSchema,
    language_locale_code: z.string(),
  }),
  [EVENTS.PAGE_LOAD]: z.strictObject({
    event_name: z.literal(EVENTS.PAGE_LOAD),
    ...eventCommonShape,
    page: z.enum(PAGES),
  }),
  [EVENTS.TOKEN_SUCCESS]: z.strictObject({
    event_name: z.literal(EVENTS.TOKEN_SUCCESS),
    ...eventCommonShape,
    customer_account_token: z.string().check(z.regex(/^cat_[A-Za-z0-9_-]{16,64}$/)),
    funding_destination: fundingDestinationSchema,
    account: maskedAccountSchema,
  }),
  [EVENTS.FUNDING_CANCELED]: z.strictObject({
    event_name: z.literal(EVENTS.FUNDING_CANCELED),
    ...eventCommonShape,
    funding_destination: fundingDestinationSchema,
  }),
  [EVENTS.TERMINAL_FAILURE]: z.strictObject({
    event_name: z.literal(EVENTS.TERMINAL_FAILURE),
    ...eventCommonShape,
    funding_destination: fundingDestinationSchema,
    feature: z.enum(VERIFICATION_FEATURES),
    error: z.string().check(z.maxLength(100)),
  }),
  [EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED]: z.strictObject({
    event_name: z.literal(EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED),
    ...eventCommonShape,
    funding_destination: fundingDestinationSchema,
    feature: z.enum(VERIFICATION_FEATURES),
  }),
  [EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED]: z.strictObject({
    event_name: z.literal(EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED),
    ...eventCommonShape,
  }),
  [EVENTS.ACCOUNT_COULD_NOT_BE_VERIFIED]: z.strictObject({
    event_name: z.literal(EVENTS.ACCOUNT_COULD_NOT_BE_VERIFIED),
    ...eventCommonShape,
    funding_destination: fundingDestinationSchema,
    feature: z.enum(VERIFICATION_FEATURES),
    /** Sandbox status code, e.g. `700` (account not available) or `777` (name/address). */
    code: z.string().check(z.regex(/^\d{3,4}$/)),
    attempts_remaining: attemptsRemaining,
  }),
  [EVENTS.SESSION_ERROR]: z.strictObject({
    event_name: z.literal(EVENTS.SESSION_ERROR),
    ...eventCommonShape,
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

/**
 * Why the SDK asked the merchant's backend for a fresh authorized_url. `initial`: `mount()`
 * was called without a URL (PRODUCT.md §3), so the first one comes from `fetchAuthorizedUrl`.
 */
export const REAUTHORIZE_REASONS = [
  'initial',
  'url_expired',
  'url_used',
  'invalid_url',
  'load_failed',
  'handshake_timeout',
  'terminal_failure_acknowledged',
] as const;

/** One of {@link REAUTHORIZE_REASONS}. */
export type ReauthorizeReason = (typeof REAUTHORIZE_REASONS)[number];

/** Events the SDK itself emits (never sent over the wire; listed for the shared types). */
export const sdkEventSchemas = {
  [EVENTS.REAUTHORIZING]: z.strictObject({
    event_name: z.literal(EVENTS.REAUTHORIZING),
    ...eventCommonShape,
    reason: z.enum(REAUTHORIZE_REASONS),
    attempt: z.int().check(z.minimum(1)),
  }),
  [EVENTS.PLUGIN_ERROR]: z.strictObject({
    event_name: z.literal(EVENTS.PLUGIN_ERROR),
    ...eventCommonShape,
    code: z.string(),
    message: z.string(),
  }),
} as const;

/** The REAUTHORIZING payload. */
export type ReauthorizingEvent = z.infer<(typeof sdkEventSchemas)[typeof EVENTS.REAUTHORIZING]>;
/** The PLUGIN_ERROR payload. */
export type PluginErrorEvent = z.infer<(typeof sdkEventSchemas)[typeof EVENTS.PLUGIN_ERROR]>;
/** Any payload a merchant listener can receive. */
export type TokenframeEvent = WidgetEvent | ReauthorizingEvent | PluginErrorEvent;
