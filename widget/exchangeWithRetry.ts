import type { ExchangeRequest, ExchangeResponse } from '../protocol';
import { WidgetApiFailure, type WidgetApiClient } from './api';

/** Waits before each retry of a rate-limited exchange; three tries fit well inside the URL's 30 s. */
export const EXCHANGE_RETRY_DELAYS_MS = [1_000, 3_000] as const;

/**
 * Exchanges the authorized_url, retrying only when the service answers `rate_limited`. That
 * answer comes before the URL is looked at, so the single-use URL is still unspent and a retry
 * is safe; any other failure is final and goes to the session error page.
 */
export async function exchangeWithRetry(
  api: WidgetApiClient,
  request: ExchangeRequest,
  onRateLimited: () => void,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ExchangeResponse> {
  for (const delay of EXCHANGE_RETRY_DELAYS_MS) {
    try {
      return await api.exchange(request);
    } catch (error) {
      if (!(error instanceof WidgetApiFailure) || error.code !== 'rate_limited') throw error;
      onRateLimited();
      await wait(delay);
    }
  }
  return api.exchange(request);
}
