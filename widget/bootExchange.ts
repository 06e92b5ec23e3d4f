import type { ExchangeResponse } from '../protocol';
import type { WidgetApiClient } from './api';
import type { AuthorizedUrlParts } from './earlyExchange';
import { exchangeWithRetry } from './exchangeWithRetry';

export type { AuthorizedUrlParts };

/** An exchange already on its way, for `App` to pick up when it renders. */
export interface PendingExchange {
  /** The service's answer, or the failure `App` maps to a session error. */
  readonly response: Promise<ExchangeResponse>;
  /**
   * Calls `listener` on each rate-limited retry, at once if one already happened before the
   * subscription (the exchange starts before anything can render the status).
   */
  onRateLimited(listener: () => void): void;
}

/**
 * Starts the single URL exchange right away. READY waits on it, and it needs nothing the
 * widget downloads (locale, pages), so it runs in parallel with them instead of after the
 * first render (PRODUCT.md §2, "Load").
 */
export function startExchange(
  api: WidgetApiClient,
  url: AuthorizedUrlParts,
  wait?: (ms: number) => Promise<void>,
): PendingExchange {
  let rateLimited = 0;
  const listeners: Array<() => void> = [];
  const response = exchangeWithRetry(
    api,
    { session_identifier: url.sessionIdentifier, t: url.t, h: url.h },
    () => {
      rateLimited += 1;
      for (const listener of listeners) listener();
    },
    wait,
  );
  // Handled by whoever awaits `response`; until then a failure must not surface as unhandled.
  response.catch(() => undefined);
  return {
    response,
    onRateLimited(listener) {
      listeners.push(listener);
      if (rateLimited > 0) listener();
    },
  };
}

/**
 * A `fetch` for the widget API client whose first exchange call is answered by the request
 * the document's inline script already sent (`earlyExchange.ts`; the URL is single use: it
 * must not be sent twice). Any later call, a rate-limited retry included, goes to the network.
 */
export function fetchReusingEarlyExchange(
  early: Promise<Response>,
  fetchImpl: typeof fetch = fetch,
): typeof fetch {
  let reused = false;
  return (input, init) => {
    if (!reused && init?.method === 'POST' && String(input).endsWith('/exchange')) {
      reused = true;
      return early;
    }
    return fetchImpl(input, init);
  };
}
