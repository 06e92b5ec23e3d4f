import { appearanceSchema, type Appearance } from '../protocol/appearance';
import { HANDSHAKE_TIMEOUT_MS } from '../protocol/widgetHello';
import type { FetchAuthorizedUrl } from './reauthorizePolicy';
import { TokenframeError } from './TokenframeError';

/** Options of `Tokenframe.create`. Every field is optional. */
export interface TokenframeOptions {
  /**
   * Asks your backend for a fresh authorized_url (an idempotent session re-request). The SDK
   * calls it when a URL has expired or was already used, when the widget fails to load or
   * to answer the handshake, and after TERMINAL_FAILURE_ACKNOWLEDGED. Resolve with the URL
   * string or with `{ authorized_url, authorized_url_expiration_utc }`. Without it, those
   * failures end in PLUGIN_ERROR.
   * @example fetchAuthorizedUrl: async ({ reason, signal }) =>
   *   (await fetch('/my-backend/session', { method: 'POST', signal })).json()
   */
  fetchAuthorizedUrl?: FetchAuthorizedUrl;
  /** Accessible title of the iframe. Default: "Add a payout account". */
  title?: string;
  /** Let the widget set the iframe's height to its content. Default: true. When false, the iframe fills the container's height. */
  autoHeight?: boolean;
  /** Theme variables passed to the widget; unknown keys or unsafe values are rejected. */
  appearance?: Appearance;
  /** Re-requests allowed in a row before giving up with PLUGIN_ERROR. Default: 3. */
  maxReauthorizations?: number;
  /** How long to wait for the widget's handshake and READY before re-requesting, in ms. Default: 10000. */
  handshakeTimeoutMs?: number;
  /** Log protocol steps and dropped messages to the console (never payloads or URLs' secrets). */
  debug?: boolean;
}

/** Options after validation, with defaults applied. */
export interface ResolvedOptions {
  fetchAuthorizedUrl: FetchAuthorizedUrl | undefined;
  title: string;
  autoHeight: boolean;
  appearance: Appearance | undefined;
  maxReauthorizations: number;
  handshakeTimeoutMs: number;
  debug: boolean;
}

// Option → [typeof it must have, how to say so]. Number ranges are checked below.
const EXPECTED: Record<keyof TokenframeOptions, [string, string]> = {
  fetchAuthorizedUrl: ['function', 'a function returning a promise'],
  title: ['string', 'a non-empty string'],
  autoHeight: ['boolean', 'a boolean'],
  appearance: ['object', 'an object'],
  maxReauthorizations: ['number', 'an integer ≥ 0'],
  handshakeTimeoutMs: ['number', 'a number of ms > 0'],
  debug: ['boolean', 'a boolean'],
};

/** Validates `create`'s options; throws `invalid_options` naming the first wrong one. */
export function resolveOptions(input: unknown): ResolvedOptions {
  const options = (input ?? {}) as Record<string, unknown> & TokenframeOptions;
  const problem = (name: string, expected: string) =>
    new TokenframeError('invalid_options', `options.${name} must be ${expected}.`);
  if (typeof options !== 'object') throw problem('', 'an object');
  for (const [name, value] of Object.entries(options)) {
    const expected = EXPECTED[name as keyof TokenframeOptions];
    if (!expected) {
      throw problem(name, `one of ${Object.keys(EXPECTED).join(', ')} (unknown option)`);
    }
    const [type, description] = expected;
    const invalidNumber =
      (name === 'maxReauthorizations' && !(Number.isInteger(value) && (value as number) >= 0)) ||
      (name === 'handshakeTimeoutMs' && !((value as number) > 0)) ||
      (name === 'title' && !(value as string).trim?.());
    if (value !== undefined && (typeof value !== type || value === null || invalidNumber)) {
      throw problem(name, description);
    }
  }
  let appearance: Appearance | undefined;
  if (options.appearance !== undefined) {
    const parsed = appearanceSchema.safeParse(options.appearance);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => ['appearance', ...issue.path].join('.'));
      throw problem(where.join(', '), 'a documented variable with a plain CSS colour or length');
    }
    appearance = parsed.data;
  }
  return {
    fetchAuthorizedUrl: options.fetchAuthorizedUrl,
    title: options.title ?? 'Add a payout account',
    autoHeight: options.autoHeight ?? true,
    appearance,
    maxReauthorizations: options.maxReauthorizations ?? 3,
    handshakeTimeoutMs: options.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS,
    debug: options.debug ?? false,
  };
}
