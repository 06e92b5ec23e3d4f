/**
 * The widget document's first script, a chunk of its own: it reads the authorized_url and
 * sends the exchange before the main bundle has even downloaded. READY waits on the exchange,
 * which needs nothing the bundle brings, so on a phone's slow network it then overlaps the
 * bundle's download instead of following it (PRODUCT.md §2, "Load"). The service lists this
 * chunk as a `<script type="module">` ahead of the main one; `main.tsx` imports the same
 * module, so both share this one evaluation (and without the tag, the import alone still
 * starts the exchange). It imports nothing, so that it stays a few hundred bytes.
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

/**
 * Reads `/session/<id>?t=…&h=…`. The query is removed from the address bar right away: the
 * URL is single use, and leaving it there would put it in history and in any screenshot.
 */
export function readAuthorizedUrl(location: Location, history: History): AuthorizedUrlParts | null {
  const match = /^\/session\/([^/]{1,100})\/?$/.exec(location.pathname);
  const query = new URLSearchParams(location.search);
  history.replaceState(null, '', location.pathname);
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

function begin(): EarlyExchange | null {
  const url = readAuthorizedUrl(window.location, window.history);
  return url ? { url, response: sendExchange(url) } : null;
}

/** The exchange this document sent, or `null` when its address held no authorized_url. */
export const earlyExchange: EarlyExchange | null = begin();
