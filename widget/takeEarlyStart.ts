import type { EarlyExchange } from './earlyExchange';
import type { EarlyHandshake } from './earlyHandshake';

/** The exchange and the hello this document sent before the main bundle ran. */
export interface EarlyStart {
  /** The exchange, or `null` when the address held no authorized_url. */
  exchange: EarlyExchange | null;
  /** The hello and the host's answers so far, or `null` when no hello could be sent. */
  handshake: EarlyHandshake | null;
}

/**
 * What the document's inline script started (`earlyStart.ts`). A document whose inline script
 * did not run (its CSP hash refused after a proxy rewrote the page, a build without it)
 * starts the same here instead, a chunk later: the URL is read, and sent, exactly once, and
 * the hello comes well within the SDK's grace after the frame's `load`
 * (protocol/widgetHello.ts). That path is a chunk of its own, so the bundle every mount
 * downloads does not carry the script's code twice.
 */
export async function takeEarlyStart(): Promise<EarlyStart> {
  if (window.tokenframeEarlyExchange === undefined) (await import('./earlyStart')).startEarly();
  return {
    exchange: window.tokenframeEarlyExchange ?? null,
    handshake: window.tokenframeEarlyHandshake ?? null,
  };
}
