import { TokenframeError } from './TokenframeError';

/** A parsed authorized_url. */
export interface AuthorizedUrl {
  /** The URL as given; mounted verbatim. */
  href: string;
  /** Its origin: the only origin the SDK talks to for this mount. */
  origin: string;
  /** `/session/<id>`'s id, used in SDK-made events before the widget reports its own. */
  sessionIdentifier: string;
  /** Expiry in epoch ms from the `t` parameter, or null when the URL has none. */
  expiresAt: number | null;
}

/**
 * Margin before `t` after which a URL counts as expired: the widget must still load and
 * exchange it, so a URL with a few hundred ms left would only fail inside the iframe.
 */
export const EXPIRY_MARGIN_MS = 1_000;

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Parses an authorized_url. Only https, or http on loopback hosts (development), is
 * accepted: anything else could not hold a payment form safely.
 */
export function parseAuthorizedUrl(value: unknown, expiresAtFallback?: number): AuthorizedUrl {
  let url: URL | undefined;
  try {
    // A non-string (null, an object) stringifies to a relative URL, which throws here too.
    url = new URL(value as string);
  } catch {
    // Reported below, with what arrived.
  }
  if (
    !url ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.includes(url.hostname)))
  ) {
    throw new TokenframeError(
      'invalid_authorized_url',
      `authorizedUrl must be an https URL, got ${typeof value}.`,
    );
  }
  const t = url.searchParams.get('t');
  const expiresAt = t && /^\d{1,15}$/.test(t) ? Number(t) : (expiresAtFallback ?? null);
  return {
    href: url.href,
    origin: url.origin,
    sessionIdentifier: decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? ''),
    expiresAt,
  };
}

/** True when the URL must not be mounted any more (the server would reject it). */
export function isExpired(url: AuthorizedUrl, now = Date.now()): boolean {
  return url.expiresAt !== null && url.expiresAt - EXPIRY_MARGIN_MS <= now;
}

/** What `fetchAuthorizedUrl` may resolve with: the URL, or the session API's data object. */
export type AuthorizedUrlResult =
  string | { authorized_url: string; authorized_url_expiration_utc?: string | number };

/**
 * Accepts the forms merchants return from their backend: the URL string, the session API's
 * `data` object, or the whole response envelope `{ data: {…} }`.
 */
export function fromFetchResult(result: unknown): AuthorizedUrl {
  type Fields = { authorized_url?: unknown; authorized_url_expiration_utc?: unknown };
  const outer = result as (Fields & { data?: Fields }) | null | undefined;
  const fields = typeof result === 'string' ? { authorized_url: result } : (outer?.data ?? outer);
  if (typeof fields?.authorized_url !== 'string') {
    throw new TokenframeError(
      'invalid_authorized_url',
      'expected the authorized_url or { authorized_url }.',
    );
  }
  const expiration = fields.authorized_url_expiration_utc;
  const fallback = typeof expiration === 'string' ? Date.parse(expiration) : expiration;
  return parseAuthorizedUrl(
    fields.authorized_url,
    typeof fallback === 'number' && !Number.isNaN(fallback) ? fallback : undefined,
  );
}
