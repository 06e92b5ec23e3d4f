import type { ExchangeResponse } from '../protocol';
import type { WidgetApiClient } from './api';
import { exchangeWithRetry } from './exchangeWithRetry';

/** The authorized_url's parts, read from the address bar at boot. */
export interface AuthorizedUrlParts {
  sessionIdentifier: string;
  t: string;
  h: string;
}

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
