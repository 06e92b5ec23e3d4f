import * as z from 'zod/mini';
import { FUNDING_DESTINATIONS, LOCALES, SESSION_ERROR_CODES, THEME_VARIANTS } from './constants';
import { maskedAccountSchema } from './account';

/**
 * The widget ↔ service HTTP contract (`/api/widget/v1/*`). The widget validates what it
 * sends with these schemas; the service validates what it receives with the same ones.
 * Every authenticated call carries `Authorization: Bearer <access_token>` from the
 * exchange; the token lives in the widget's memory only (no cookies).
 */
export const WIDGET_API_BASE = '/api/widget/v1';

const fundingDestinationSchema = z.enum(Object.values(FUNDING_DESTINATIONS));

/** POST /exchange: trade the authorized_url's parts for a bearer token. Single use. */
export const exchangeRequestSchema = z.strictObject({
  session_identifier: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The URL's `t`: expiry in Unix epoch ms, as it appeared in the URL. */
  t: z.string().check(z.regex(/^\d{1,15}$/)),
  /** The URL's `h`: the signature over session id and `t`. */
  h: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type ExchangeRequest = z.infer<typeof exchangeRequestSchema>;

/** Remaining attempts, so pages can say how many tries are left. */
export const attemptsSchema = z.strictObject({
  recipient_verification_remaining: z.int(),
  account_verification_remaining: z.int(),
  session_remaining: z.int(),
});
export type Attempts = z.infer<typeof attemptsSchema>;

/** What the widget learns about its session at exchange. */
export const widgetSessionSchema = z.strictObject({
  session_identifier: z.string(),
  tracer_token: z.string(),
  language_locale_code: z.enum(LOCALES),
  theme_variant: z.enum(THEME_VARIANTS),
  host_origin: z.string(),
  funding_destinations: z.array(fundingDestinationSchema),
  success_redirect_url: z.optional(z.string()),
  error_redirect_url: z.optional(z.string()),
  attempts: attemptsSchema,
});
export type WidgetSession = z.infer<typeof widgetSessionSchema>;

export const exchangeResponseSchema = z.strictObject({
  access_token: z.string(),
  session: widgetSessionSchema,
});
export type ExchangeResponse = z.infer<typeof exchangeResponseSchema>;

/** POST /confirm: tokenize the verified account. */
export const confirmResponseSchema = z.strictObject({
  customer_account_token: z.string(),
  funding_destination: fundingDestinationSchema,
  account: maskedAccountSchema,
});
export type ConfirmResponse = z.infer<typeof confirmResponseSchema>;

/** POST /destination: the recipient chose to use a different method. */
export const changeDestinationRequestSchema = z.strictObject({
  funding_destination: fundingDestinationSchema,
});

/** POST /cancel: the recipient canceled; the session becomes `canceled`. Body `{}`. */
export const cancelResponseSchema = z.strictObject({ status: z.literal('canceled') });

/** Error codes of the widget API, each with a fixed HTTP status. */
export const WIDGET_API_ERRORS = {
  invalid_request: 400,
  unauthorized: 401,
  not_enabled: 403,
  not_found: 404,
  method_not_allowed: 405,
  wrong_state: 409,
  session_final: 410,
  rate_limited: 429,
  internal: 500,
} as const;

/** Every widget API error body. `session_error` is set when a session error page applies. */
export const widgetApiErrorSchema = z.strictObject({
  error: z.enum(Object.keys(WIDGET_API_ERRORS) as [keyof typeof WIDGET_API_ERRORS]),
  session_error: z.optional(z.enum(SESSION_ERROR_CODES)),
  fields: z.optional(z.record(z.string(), z.array(z.string()))),
});
export type WidgetApiError = z.infer<typeof widgetApiErrorSchema>;

/** A biller in the shipped directory (BillPay). GET /billers?q= returns up to 20. */
export const billerSchema = z.strictObject({ id: z.string(), name: z.string() });
