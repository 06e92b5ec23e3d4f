/**
 * JSDoc for API fields in the package's declarations, by field name or by the end of its
 * dotted path, the longest match winning (PRODUCT.md §1). The
 * service's schemas carry the rules; these sentences carry them to a merchant's editor.
 */
export const FIELD_DOCS: Record<string, string> = {
  participant_unique_id1:
    'Your id of the recipient (required, ≤ 100 chars); scopes idempotency keys.',
  participant_unique_id2:
    'A second id of yours, e.g. an account (≤ 100 chars); `""` in responses when the session has none.',
  host_uri:
    "The origin of the page that embeds the widget (`https://…`, or `http://localhost…`); must be on the program's allowlist. Default: the program's first host.",
  language_locale_code:
    "One of the 28 locale codes, e.g. `en-US`. Default: the program's first language.",
  theme_variant: '`light` (default) or `dark`.',
  success_redirect_url: 'Absolute URL opened after success in standalone (webview) mode.',
  error_redirect_url: 'Absolute URL opened after a final failure in standalone (webview) mode.',
  recipient_information: 'Who the recipient is: checked against the account entered (RVDM).',
  first_name: 'First name (≤ 150 chars).',
  last_name: 'Last name (≤ 150 chars).',
  address_line1: 'Street address (≤ 150 chars).',
  address_line2: 'Apartment, suite… (≤ 150 chars; `""` means none).',
  city: 'City (≤ 150 chars).',
  'recipient_information.state': 'US state, DC or territory code, e.g. `GA`.',
  zip_code: '`12345` or `12345-6789`.',
  email_address:
    'Email (≤ 150 chars); required when the program enables PayPal (the sandbox does).',
  phone_number: '10 digits.',
  mobile_number: '10 digits.',
  session_identifier: 'The session id.',
  authorized_url:
    'The URL to mount: valid for 30 s and single use. Pass it (or this whole object) to `mount()`.',
  authorized_url_expiration_utc: 'When `authorized_url` expires (ISO 8601, UTC).',
  sessions: 'The sessions of this page.',
  next_cursor: 'Pass as `cursor` for the next page; `null` on the last page.',
  summary: 'Counts per state (with `include_summary: "true"`).',
  status: 'Filter by state.',
  created_from: 'Created at or after (ISO 8601).',
  created_to: 'Created before (ISO 8601).',
  limit: 'Page size, 1–200 (default 50).',
  cursor: '`next_cursor` of the previous page.',
  include_summary: '`"true"` adds counts per state.',
  state: 'active, expired, completed, canceled, terminated or max_attempts_exceeded.',
  host_origin: 'The origin the widget may talk to.',
  tracer_token: 'Correlates logs, events and webhooks of the session.',
  attempts_used: 'Failed verification attempts so far.',
  created_at: 'ISO 8601.',
  updated_at: 'ISO 8601.',
  attempts: 'Attempt counters.',
  session_used: 'Failed attempts counted against the session.',
  session_limit: 'Failed attempts allowed per session.',
  per_feature_per_mount: 'Failed attempts allowed per feature within one mount.',
  mounts: 'Each mount of the session.',
  mount_id: 'The mount id.',
  funding_destination: 'The funding destination of the mount or event.',
  recipient_verification_failures: 'Failed name/address checks in this mount.',
  account_verification_failures: 'Failed account checks in this mount.',
  account: 'The masked account, once tokenized.',
  customer_account_token:
    'The token to store and pay out to, `cat_…`; the same account tokenized twice for one participant gives the same token.',
  events: 'The event timeline.',
  id: 'The event id.',
  at: 'When it happened (ISO 8601).',
  event_name: 'The event name, e.g. `tokenframe.token_success`.',
  detail: 'The event payload.',
  active: 'Count of active sessions.',
  expired: 'Count of expired sessions.',
  completed: 'Count of completed sessions.',
  canceled: 'Count of canceled sessions.',
  terminated: 'Count of terminated sessions.',
  max_attempts_exceeded: 'Count of sessions that reached the attempt limit.',
};
