import { startEarlyExchange } from './earlyExchange';
import { startEarlyHandshake } from './earlyHandshake';

/**
 * What READY waits on that needs nothing the main bundle brings: the exchange and the host
 * handshake's hello, sent at once and left on `window` for `takeEarlyStart.ts`. The widget
 * document's inline script runs this while the document is parsed (`inlineExchange.ts`); a
 * document whose inline script did not run runs it from a chunk. The exchange goes first: its
 * round trip to the service is the longer one.
 */
export function startEarly(): void {
  const exchange = startEarlyExchange();
  window.tokenframeEarlyExchange = exchange;
  // The service puts this meta first in `<head>`, ahead of the inline script.
  window.tokenframeEarlyHandshake = startEarlyHandshake(
    document.querySelector<HTMLMetaElement>('meta[name="tokenframe-host-origin"]')?.content ?? '',
    exchange?.url.sessionIdentifier ?? 'unknown',
  );
}
