/**
 * The handshake's first half (PRODUCT.md §4), started by the document's inline script with
 * the early exchange (`earlyStart.ts`): `widget_hello` goes to the host while the main
 * bundle is still downloading, and the host's `host_connect` waits here for the bridge. On a
 * phone the hello, the SDK's answer and both message hops then happen in that idle download
 * time instead of between the bundle's arrival and READY. The bridge does every check
 * itself (`bridge.ts`); this only holds what arrived. It imports no zod, like the rest of the
 * inline script.
 */
import { PROTOCOL_NAMESPACE, PROTOCOL_VERSION } from '../protocol/constants';

/** The hello sent and the host's messages held, handed to the bridge once. */
export interface EarlyHandshake {
  /** Stops holding messages and returns those held, oldest first. Called once. */
  take(): MessageEvent[];
}

declare global {
  interface Window {
    /** Set by the document's inline script: its handshake, or `null` when it sent no hello. */
    tokenframeEarlyHandshake?: EarlyHandshake | null;
  }
}

/**
 * Announces the widget to `window.parent` at exactly `hostOrigin` (never `'*'`) and holds the
 * messages that window sends from that origin until the bridge takes them (the bridge checks
 * each). `null` top-level (the native bridges need no hello) and when the hello cannot be
 * posted (a malformed origin): the SDK then times out and re-requests.
 */
export function startEarlyHandshake(
  hostOrigin: string,
  sessionIdentifier: string,
): EarlyHandshake | null {
  // Bare globals (`parent`, not `window.parent`): every byte here is in every document.
  if (parent === window) return null;
  try {
    parent.postMessage(
      {
        namespace: PROTOCOL_NAMESPACE,
        version: PROTOCOL_VERSION,
        type: 'widget_hello',
        session_identifier: sessionIdentifier,
      },
      hostOrigin,
    );
  } catch {
    return null;
  }
  // The answer comes as a task of its own, after this one: listening now misses nothing.
  const held: MessageEvent[] = [];
  const hold = (event: MessageEvent) => {
    if (event.source === parent && event.origin === hostOrigin) held.push(event);
  };
  addEventListener('message', hold);
  return {
    take() {
      removeEventListener('message', hold);
      return held;
    },
  };
}
