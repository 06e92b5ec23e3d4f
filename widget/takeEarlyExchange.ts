import type { EarlyExchange } from './earlyExchange';

/**
 * The exchange this document sent, or `null` when its address held no authorized_url. The
 * document's inline script normally sent it already. A document whose inline script did not
 * run (its CSP hash refused after a proxy rewrote the page, a build without it) sends it here
 * instead, later but the same: the URL is read, and sent, exactly once. That path is a chunk
 * of its own, so the bundle every mount downloads does not carry the script's code twice.
 */
export async function takeEarlyExchange(): Promise<EarlyExchange | null> {
  if (window.tokenframeEarlyExchange !== undefined) return window.tokenframeEarlyExchange;
  const { startEarlyExchange } = await import('./earlyExchange');
  return startEarlyExchange();
}
