import * as Comlink from 'comlink';
import { ENVELOPE } from '../protocol/envelope';
import type { HostConnect } from '../protocol/hostConnect';
import { widgetHelloSchema } from '../protocol/widgetHello';
import type { HostApi } from '../protocol/rpc';
import type { DebugLog } from './debugLog';

/** Settings of {@link listenForWidget}. */
export interface HandshakeOptions {
  /** Our iframe: only its window may say hello. */
  iframe: HTMLIFrameElement;
  /** The authorized_url's origin: the only origin accepted, and the only one posted to. */
  origin: string;
  /** Mount options sent with `host_connect`. */
  connect: Pick<HostConnect, 'funding_destination' | 'appearance' | 'debug'>;
  /** What the widget may call over the port. */
  api: HostApi;
  /** Called once, after the port has been handed over. */
  onConnected(): void;
  log: DebugLog;
}

/**
 * The host side of PRODUCT.md §4: waits for `widget_hello` from the iframe's own window at
 * the exact origin, then transfers one end of a fresh `MessageChannel` to that origin and
 * exposes `api` on the other end with comlink. Returns a disposer (safe to call twice)
 * that removes the window listener and closes the port.
 */
export function listenForWidget(options: HandshakeOptions): () => void {
  const { iframe, origin, log } = options;
  let port: MessagePort | null = null;

  const onMessage = (event: MessageEvent) => {
    // Source first, then exact origin: traffic from other frames or libraries is not ours to log.
    const target = iframe.contentWindow;
    if (!target || event.source !== target || event.origin !== origin) return;
    if (!widgetHelloSchema.safeParse(event.data).success) {
      log('dropped hello');
      return;
    }
    window.removeEventListener('message', onMessage);
    const channel = new MessageChannel();
    port = channel.port1;
    Comlink.expose(options.api, port);
    const connect: HostConnect = { ...ENVELOPE, type: 'host_connect', ...options.connect };
    target.postMessage(connect, origin, [channel.port2]);
    options.onConnected();
  };
  window.addEventListener('message', onMessage);

  return () => {
    window.removeEventListener('message', onMessage);
    port?.close();
  };
}
