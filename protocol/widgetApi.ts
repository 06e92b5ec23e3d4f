import * as z from 'zod/mini';
import {
  FUNDING_DESTINATIONS,
  LOCALES,
  SESSION_ERROR_CODES,
  THEME_VARIANTS,
  VERIFICATION_FEATURES,
} from './constants';
import { maskedAccountSchema } from './account';
import {
  ACH_ACCOUNT_NUMBER,
  PHONE_NUMBER,
  ROUTING_NUMBER,
  TEXT_FIELD_MAX,
  ZIP_CODE,
} from './fieldRules';
import { US_STATE_CODES } from './usStateCodes';

/**
 * The widget ↔ service HTTP contract (`/api/widget/v1/*`). The widget validates what it
 * sends with these schemas; the service validates what it receives with the same ones.
 * Every authenticated call carries `Authorization: Bearer <access_token>` from the
 * exchange; the token lives in the widget's memory only (no cookies).
 */
export const WIDGET_API_BASE = '/api/widget/v1';

const fundingDestinationSchema = z.enum(Object.values(FUNDING_DESTINATIONS));
const name = z.string().check(z.minLength(1), z.maxLength(TEXT_FIELD_MAX));

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

/** Billing address typed by the recipient; compared with recipient_information (RVDM). */
export const billingAddressSchema = z.strictObject({
  address_line1: name,
  address_line2: z.optional(z.string().check(z.maxLength(TEXT_FIELD_MAX))),
  city: name,
  state: z.enum(US_STATE_CODES),
  zip_code: z.string().check(z.regex(ZIP_CODE)),
});
export type BillingAddress = z.infer<typeof billingAddressSchema>;

const cardSubmission = {
  first_name: name,
  last_name: name,
  /** Digits only; the widget strips spaces and checks Luhn before sending. */
  card_number: z.string().check(z.regex(/^\d{12,19}$/)),
  expiration_month: z.int().check(z.minimum(1), z.maximum(12)),
  /** Four-digit year. */
  expiration_year: z.int().check(z.minimum(2000), z.maximum(2100)),
  address: billingAddressSchema,
};

/** POST /account: the account the recipient typed, by destination. */
export const accountSubmissionSchema = z.discriminatedUnion('funding_destination', [
  z.strictObject({ funding_destination: z.literal('debit'), ...cardSubmission }),
  z.strictObject({ funding_destination: z.literal('credit'), ...cardSubmission }),
  z.strictObject({
    funding_destination: z.literal('ach'),
    first_name: name,
    last_name: name,
    routing_number: z.string().check(z.regex(ROUTING_NUMBER)),
    account_number: z.string().check(z.regex(ACH_ACCOUNT_NUMBER)),
    account_type: z.enum(['checking', 'savings']),
    address: billingAddressSchema,
  }),
  z.strictObject({
    funding_destination: z.literal('paypal'),
    email_address: z.optional(z.string().check(z.maxLength(TEXT_FIELD_MAX))),
    phone_number: z.optional(z.string().check(z.regex(PHONE_NUMBER))),
  }),
  z.strictObject({
    funding_destination: z.literal('billpay'),
    biller_id: z.string().check(z.minLength(1), z.maxLength(50)),
    account_number: z.string().check(z.minLength(1), z.maxLength(40)),
  }),
]);
export type AccountSubmission = z.infer<typeof accountSubmissionSchema>;

/** Outcome of POST /account. */
export const accountOutcomeSchema = z.discriminatedUnion('result', [
  /** Passed both verifications: show the confirmation page. */
  z.strictObject({
    result: z.literal('verified'),
    account: maskedAccountSchema,
    attempts: attemptsSchema,
  }),
  /** Rejected before verification (e.g. a credit card on debit). Not an attempt. */
  z.strictObject({
    result: z.literal('invalid'),
    /** Field name → error key, e.g. `{ card_number: 'not_debit_card' }`. */
    fields: z.record(z.string(), z.string()),
  }),
  /** A failed attempt. `terminal` means the feature's per-mount limit is reached. */
  z.strictObject({
    result: z.literal('verification_failed'),
    feature: z.enum(VERIFICATION_FEATURES),
    /** Sandbox status code: `1105` RVDM hard mismatch, `700`, `777`. */
    code: z.string(),
    terminal: z.boolean(),
    attempts: attemptsSchema,
    /** RVDM only: the fields that did not match (names, never values). */
    mismatched_fields: z.optional(z.array(z.string())),
  }),
  /** The session's overall limit is reached; the session is now `max_attempts_exceeded`. */
  z.strictObject({ result: z.literal('max_attempts_exceeded') }),
]);
export type AccountOutcome = z.infer<typeof accountOutcomeSchema>;

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
