/**
 * Constants shared by the host SDK, the widget and the service. Changing a value here is
 * a wire-protocol change: bump PROTOCOL_VERSION.
 */

/** Every postMessage of ours carries this namespace, so foreign traffic is ignored cheaply. */
export const PROTOCOL_NAMESPACE = 'tokenframe';

/** Version of the host↔widget wire contract. Both sides reject any other version. */
export const PROTOCOL_VERSION = 1;

/** Where a recipient's money can go. Values are the API's lowercase strings. */
export const FUNDING_DESTINATIONS = {
  /** A debit card. */
  DEBIT: 'debit',
  /** A credit card. */
  CREDIT: 'credit',
  /** A US bank account (routing and account number). */
  ACH: 'ach',
  /** A PayPal account, by email address or mobile number. */
  PAYPAL: 'paypal',
  /** A bill payment to a biller of the shipped directory. */
  BILLPAY: 'billpay',
} as const;

/** One of the values of {@link FUNDING_DESTINATIONS}. */
export type FundingDestination = (typeof FUNDING_DESTINATIONS)[keyof typeof FUNDING_DESTINATIONS];

/** Event keys merchants subscribe to, mapped to the `event_name` each payload carries. */
export const EVENTS = {
  /** The widget shows the flow; `mount()` resolves with this payload. */
  READY: 'tokenframe.ready',
  /** A page of the flow was shown (`page`). */
  PAGE_LOAD: 'tokenframe.page_load',
  /** The account was tokenized: store `customer_account_token`. The session is completed. */
  TOKEN_SUCCESS: 'tokenframe.token_success',
  /** The recipient canceled; the session is canceled. */
  FUNDING_CANCELED: 'tokenframe.funding_canceled',
  /** A verification feature reached its limit for this mount; Continue re-requests a URL. */
  TERMINAL_FAILURE: 'tokenframe.terminal_failure',
  /** The recipient pressed Continue after TERMINAL_FAILURE; the SDK re-requests and remounts. */
  TERMINAL_FAILURE_ACKNOWLEDGED: 'tokenframe.terminal_failure_acknowledged',
  /** The session's attempt limit was reached; the session has ended. */
  MAX_VERIFICATION_ATTEMPTS_EXCEEDED: 'tokenframe.max_verification_attempts_exceeded',
  /** One failed verification attempt (`code`, `attempts_remaining`). */
  ACCOUNT_COULD_NOT_BE_VERIFIED: 'tokenframe.account_could_not_be_verified',
  /** The URL could not start a flow (`error`); expired or used URLs are re-requested. */
  SESSION_ERROR: 'tokenframe.session_error',
  /** The SDK gave up on this mount (`code`); `mount()` rejects with the same code. */
  PLUGIN_ERROR: 'tokenframe.plugin_error',
  /** The SDK is asking `fetchAuthorizedUrl` for a URL (`reason`, `attempt`). */
  REAUTHORIZING: 'tokenframe.reauthorizing',
} as const;

/** One of the keys of {@link EVENTS}. */
export type EventKey = keyof typeof EVENTS;
/** One of the `event_name` values of {@link EVENTS}. */
export type EventName = (typeof EVENTS)[EventKey];

/** Why a mounted URL could not start a flow (PRODUCT.md §2, step 1). */
export const SESSION_ERROR_CODES = [
  'url_expired',
  'url_used',
  'session_completed',
  'session_terminated',
  'invalid_url',
] as const;

/** One of {@link SESSION_ERROR_CODES}. */
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

/**
 * Session errors after which a fresh authorized_url can still work. The others are final:
 * the SDK never re-requests after them.
 */
export const RECOVERABLE_SESSION_ERRORS: readonly SessionErrorCode[] = [
  'url_expired',
  'url_used',
  'invalid_url',
];

/** The two verification features that count attempts (PRODUCT.md §2). */
export const VERIFICATION_FEATURES = ['recipient_verification', 'account_verification'] as const;

/** One of {@link VERIFICATION_FEATURES}. */
export type VerificationFeature = (typeof VERIFICATION_FEATURES)[number];

/** Pages of the flow, reported by PAGE_LOAD. One component per page under `widget/pages/`. */
export const PAGES = [
  'loading',
  'session_error',
  'account_entry',
  /** "Use a different method": the list of the program's destinations. */
  'destination_picker',
  'confirmation',
  'success',
  'terminal_failure',
  'max_attempts_exceeded',
  'canceled',
] as const;

/** One of {@link PAGES}. */
export type Page = (typeof PAGES)[number];

/** The 28 supported locales (PRODUCT.md §6). The first is the fallback. */
export const LOCALES = [
  'en-US',
  'ar-SA',
  'cs-CZ',
  'da-DK',
  'de-DE',
  'en-GB',
  'es-ES',
  'es-US',
  'fa-IR',
  'fi-FI',
  'fr-FR',
  'hmn-Latn',
  'it-IT',
  'ja-JP',
  'km-KH',
  'ko-KR',
  'nb-NO',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'ru-RU',
  'sv-SE',
  'tl-PH',
  'tr-TR',
  'vi-VN',
  'zh-CN',
  'zh-Hans',
  'zh-TW',
] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** Locales written right to left. */
export const RTL_LOCALES: readonly Locale[] = ['ar-SA', 'fa-IR'];

/** Theme variants a session can ask for. */
export const THEME_VARIANTS = ['light', 'dark'] as const;

/** One of {@link THEME_VARIANTS}. */
export type ThemeVariant = (typeof THEME_VARIANTS)[number];

/** Bounds for auto height: tall enough for any page, short enough that a bug cannot grow the page forever. */
export const MIN_FRAME_HEIGHT = 120;
export const MAX_FRAME_HEIGHT = 4000;
