import { appearanceSchema, type Appearance } from '../protocol/appearance';
import { HANDSHAKE_TIMEOUT_MS } from '../protocol/handshake';
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

const KNOWN = [
  'fetchAuthorizedUrl',
  'title',
  'autoHeight',
  'appearance',
  'maxReauthorizations',
  'handshakeTimeoutMs',
  'debug',
];

const invalid = (name: string, expected: string, got: unknown) =>
  new TokenframeError('invalid_options', `options.${name} must be ${expected}, got ${typeof got}.`);

/** Validates `create`'s options; throws `invalid_options` naming the first wrong one. */
export function resolveOptions(input: unknown): ResolvedOptions {
  if (input !== undefined && (typeof input !== 'object' || input === null)) {
    throw invalid('', 'an object', input);
  }
  const options = (input ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(options).filter((key) => !KNOWN.includes(key));
  if (unknown.length > 0) {
    throw new TokenframeError(
      'invalid_options',
      `unknown option(s) ${unknown.join(', ')}; known options: ${KNOWN.join(', ')}.`,
    );
  }
  const { fetchAuthorizedUrl, title, autoHeight, maxReauthorizations, handshakeTimeoutMs, debug } =
    options;
  if (fetchAuthorizedUrl !== undefined && typeof fetchAuthorizedUrl !== 'function') {
    throw invalid('fetchAuthorizedUrl', 'a function returning a promise', fetchAuthorizedUrl);
  }
  if (title !== undefined && (typeof title !== 'string' || !title.trim())) {
    throw invalid('title', 'a non-empty string', title);
  }
  if (autoHeight !== undefined && typeof autoHeight !== 'boolean') {
    throw invalid('autoHeight', 'a boolean', autoHeight);
  }
  if (debug !== undefined && typeof debug !== 'boolean') throw invalid('debug', 'a boolean', debug);
  if (
    maxReauthorizations !== undefined &&
    !(Number.isInteger(maxReauthorizations) && (maxReauthorizations as number) >= 0)
  ) {
    throw invalid('maxReauthorizations', 'an integer ≥ 0', maxReauthorizations);
  }
  if (
    handshakeTimeoutMs !== undefined &&
    !(typeof handshakeTimeoutMs === 'number' && handshakeTimeoutMs > 0)
  ) {
    throw invalid('handshakeTimeoutMs', 'a positive number of ms', handshakeTimeoutMs);
  }
  let appearance: Appearance | undefined;
  if (options.appearance !== undefined) {
    const parsed = appearanceSchema.safeParse(options.appearance);
    if (!parsed.success) {
      const where = parsed.error.issues
        .map((issue) => ['appearance', ...issue.path].join('.'))
        .join(', ');
      throw new TokenframeError(
        'invalid_options',
        `options.${where} is not allowed: use only the documented appearance.variables with plain CSS colours and lengths.`,
      );
    }
    appearance = parsed.data;
  }
  return {
    fetchAuthorizedUrl: fetchAuthorizedUrl as FetchAuthorizedUrl | undefined,
    title: (title as string | undefined) ?? 'Add a payout account',
    autoHeight: (autoHeight as boolean | undefined) ?? true,
    appearance,
    maxReauthorizations: (maxReauthorizations as number | undefined) ?? 3,
    handshakeTimeoutMs: (handshakeTimeoutMs as number | undefined) ?? HANDSHAKE_TIMEOUT_MS,
    debug: (debug as boolean | undefined) ?? false,
  };
}
