/**
 * The exchange sent before the main bundle has even downloaded. READY waits on the exchange,
 * which needs nothing the bundle brings, so on a phone's slow network it overlaps the bundle's
 * download instead of following it (PRODUCT.md §2, "Load"). The build compiles
 * `inlineExchange.ts` (which calls {@link startEarlyExchange} through `earlyStart.ts`) into a
 * classic script that the service inlines, pinned by its hash in the CSP, at the top of the
 * document: it runs while the document is still being parsed, one round trip before any
 * external script could, and leaves its request on `window` for `takeEarlyStart.ts`. This
 * module imports nothing, so that the inline script stays a few hundred bytes.
 */

/** `protocol/widgetApi.ts`'s WIDGET_API_BASE + `/exchange`; importing it would pull in zod. */
export const EXCHANGE_URL = '/api/widget/v1/exchange';

/** The authorized_url's parts, read from the address bar at boot. */
export interface AuthorizedUrlParts {
  sessionIdentifier: string;
  t: string;
  h: string;
}

/** The exchange as sent before the main bundle ran: its URL parts and the raw answer. */
export interface EarlyExchange {
  url: AuthorizedUrlParts;
  response: Promise<Response>;
}

/** Reads `/session/<id>?t=…&h=…`; `null` when the address holds no authorized_url. */
export function readAuthorizedUrl(location: Location): AuthorizedUrlParts | null {
  const match = /^\/session\/([^/]{1,100})\/?$/.exec(location.pathname);
  const query = new URLSearchParams(location.search);
  const t = query.get('t');
  const h = query.get('h');
  if (!match?.[1] || !t || !h) return null;
  return { sessionIdentifier: match[1], t, h };
}

/** Sends the exchange exactly as `WidgetApiClient.exchange` would (no cookies, no cache). */
export function sendExchange(
  url: AuthorizedUrlParts,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<Response> {
  const response = fetchImpl(EXCHANGE_URL, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ session_identifier: url.sessionIdentifier, t: url.t, h: url.h }),
    credentials: 'omit',
    cache: 'no-store',
  });
  // Read later by the API client; a network failure must not surface as unhandled meanwhile.
  response.catch(() => undefined);
  return response;
}

declare global {
  interface Window {
    /** Set by the document's inline script: its exchange, or `null` without an authorized_url. */
    tokenframeEarlyExchange?: EarlyExchange | null;
  }
}

/**
 * Reads the authorized_url from the address bar and sends its exchange at once. Then the query
 * leaves the address bar: the URL is single use, and left there it would be in history and in
 * any screenshot. The request goes first, as the page's first task on READY's path.
 */
export function startEarlyExchange(): EarlyExchange | null {
  // Bare globals (`location`, not `window.location`): every byte here is in every document.
  const url = readAuthorizedUrl(location);
  const early = url ? { url, response: sendExchange(url) } : null;
  history.replaceState(null, '', location.pathname);
  return early;
}
