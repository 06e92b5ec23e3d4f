/**
 * Every failure the SDK reports. The set is closed so merchants can switch on `code`:
 * - `invalid_container`: the container selector matched nothing, or is not an element.
 * - `invalid_options`: an option of `create` has the wrong type or value.
 * - `invalid_authorized_url`: `mount` got something that is not an http(s) authorized_url.
 * - `invalid_funding_destination`: not one of `Tokenframe.FUNDING_DESTINATIONS`.
 * - `unknown_event`: a listener name that is not an event of `Tokenframe.EVENTS`.
 * - `invalid_listener`: a listener that is not a function.
 * - `destroyed`: the plugin was destroyed (before or during this call).
 * - `mount_replaced`: a newer `mount` replaced this one before it became ready.
 * - `fetch_authorized_url_missing`: a fresh URL was needed but no `fetchAuthorizedUrl` was given.
 * - `reauthorization_failed`: the re-request limit was reached without a working URL.
 * - `session_ended`: the session ended before the widget became ready (e.g. completed, canceled).
 */
export type TokenframeErrorCode =
  | 'invalid_container'
  | 'invalid_options'
  | 'invalid_authorized_url'
  | 'invalid_funding_destination'
  | 'unknown_event'
  | 'invalid_listener'
  | 'destroyed'
  | 'mount_replaced'
  | 'fetch_authorized_url_missing'
  | 'reauthorization_failed'
  | 'session_ended';

/** The only error type the SDK throws or rejects with. */
export class TokenframeError extends Error {
  /** Stable machine-readable reason; the message is for humans and may change. */
  declare readonly code: TokenframeErrorCode;

  constructor(code: TokenframeErrorCode, message: string) {
    super(`Tokenframe: ${message}`);
    this.name = 'TokenframeError';
    (this as { code: TokenframeErrorCode }).code = code;
  }
}
