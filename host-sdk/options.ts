import type { Appearance } from '../protocol/appearance';
import { HANDSHAKE_TIMEOUT_MS } from '../protocol/widgetHello';
import type { FetchAuthorizedUrl } from './reauthorizePolicy';
import { TokenframeError } from './TokenframeError';

/** Options of `Tokenframe.create`. Every field is optional. */
export interface TokenframeOptions {
  /**
   * Asks your backend for a fresh authorized_url (an idempotent session re-request). The SDK
   * calls it when a URL has expired or was already used, when the frame loads without a
   * widget in it (`load_failed`: the browser refused to frame it, e.g. `host_uri` is not this
   * page's origin or your CSP's `frame-src` leaves the service out), when the widget is too
   * slow to answer (`handshake_timeout`), and after TERMINAL_FAILURE_ACKNOWLEDGED. Resolve
   * with the URL string or with `{ authorized_url, authorized_url_expiration_utc }`. Without
   * it, those failures end in PLUGIN_ERROR.
   * @example fetchAuthorizedUrl: async ({ reason, signal }) =>
   *   (await fetch('/my-backend/session', { method: 'POST', signal })).json()
   */
  fetchAuthorizedUrl?: FetchAuthorizedUrl;
  /** Accessible title of the iframe. Default: "Add a payout account". */
  title?: string;
  /** Let the widget set the iframe's height to its content. Default: true. When false, the iframe fills the container's height. */
  autoHeight?: boolean;
  /**
   * Theme variables passed to the widget, which checks each against the protocol's allowlist:
   * an unknown variable or unsafe value is dropped alone, with a console warning, and the
   * rest still applies (PRODUCT.md §3). Text on `colorPrimary` always reaches 4.5:1.
   */
  appearance?: Appearance;
  /** Re-requests allowed in a row before giving up with PLUGIN_ERROR. Default: 3. */
  maxReauthorizations?: number;
  /**
   * How long to wait for the widget's handshake and READY before re-requesting with reason
   * `handshake_timeout`, in ms. Default: 10000. A frame that loads without a widget is
   * re-requested sooner, 3 s after its `load`, as `load_failed`; that needs a value above 3000.
   */
  handshakeTimeoutMs?: number;
  /**
   * Log protocol steps and dropped messages to the console (never payloads or URLs' secrets);
   * the widget, told by `host_connect`, logs what it drops in its own frame's console.
   */
  debug?: boolean;
}

/** Options after validation, with defaults applied. */
export interface ResolvedOptions {
  fetchAuthorizedUrl?: FetchAuthorizedUrl;
  title: string;
  autoHeight: boolean;
  appearance?: Appearance;
  maxReauthorizations: number;
  handshakeTimeoutMs: number;
  debug: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionError = (name: string, expected: string) =>
  new TokenframeError('invalid_options', `options.${name} must be ${expected}.`);

// Option → [is the value valid, what was expected]. `undefined` always means "the default".
// `appearance` is only checked for being a plain object: the widget checks its values against
// protocol/appearance.ts when it applies them, which keeps the patterns out of the SDK's budget.
const CHECKS: Record<keyof TokenframeOptions, [(value: unknown) => unknown, string]> = {
  fetchAuthorizedUrl: [(value) => typeof value === 'function', 'a function'],
  title: [(value) => typeof value === 'string' && value.trim(), 'a non-empty string'],
  autoHeight: [(value) => typeof value === 'boolean', 'a boolean'],
  appearance: [isRecord, 'an object'],
  maxReauthorizations: [
    (value) => Number.isInteger(value) && (value as number) >= 0,
    'an integer >= 0',
  ],
  handshakeTimeoutMs: [(value) => typeof value === 'number' && value > 0, 'a number > 0'],
  debug: [(value) => typeof value === 'boolean', 'a boolean'],
};

/** Validates `create`'s options; throws `invalid_options` naming the first wrong one. */
export function resolveOptions(input: unknown): ResolvedOptions {
  const resolved: Record<string, unknown> = {
    title: 'Add a payout account',
    autoHeight: true,
    maxReauthorizations: 3,
    handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
    debug: false,
  };
  const options = input ?? {};
  if (typeof options !== 'object') throw optionError('', 'an object');
  for (const [name, value] of Object.entries(options)) {
    const check = CHECKS[name as keyof TokenframeOptions];
    if (!check) {
      throw optionError(name, `one of ${Object.keys(CHECKS).join(', ')} (unknown option)`);
    }
    if (value === undefined) continue;
    const valid = check[0](value);
    if (!valid) throw optionError(name, check[1]);
    resolved[name] = value;
  }
  return resolved as unknown as ResolvedOptions;
}
