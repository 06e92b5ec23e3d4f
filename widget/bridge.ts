import * as Comlink from 'comlink';
import {
  hostConnectOnArrivalSchema,
  resizeArgumentSchema,
  widgetEventSchema,
  type HostApi,
  type HostConnect,
  type WidgetEvent,
} from '../protocol';
import type { EarlyHandshake } from './earlyHandshake';
import { loadStandaloneMode } from './standaloneModeLoader';

/** The widget's side of the host↔widget protocol (PRODUCT.md §4, §5). */
export interface Bridge {
  /** 'embedded' inside an iframe, 'standalone' when top-level (webview). */
  readonly mode: 'embedded' | 'standalone';
  /**
   * Resolves with the host's options once the port arrives; resolves null in standalone mode.
   * The appearance arrives unchecked: `applyAppearance` checks it value by value (the host
   * SDK does not check values).
   */
  readonly connected: Promise<HostConnect | null>;
  /** Validates the event with widgetEventSchema, then sends it (buffered until connected). Invalid events are dropped and logged in debug mode (the host SDK's `debug: true`). Standalone: delivers to webkit.messageHandlers.tokenframe / ReactNativeWebView / TokenframeAndroid. */
  emit(event: WidgetEvent): void;
  /** Reports content height (embedded only). */
  resize(height: number): void;
  destroy(): void;
}

/** What the widget knows before the host answers. */
export interface ConnectOptions {
  /** The session's host_uri origin, from `<meta name="tokenframe-host-origin">`. */
  hostOrigin: string;
  /**
   * The `widget_hello` already sent, with what the host answered since (`earlyHandshake.ts`);
   * `null` when it could not be sent.
   */
  early: EarlyHandshake | null;
}

/**
 * Takes over the handshake `options.early` started (`widget_hello` to `window.parent` at
 * exactly `hostOrigin`) and accepts one
 * `host_connect` from that window and origin carrying exactly one MessagePort; every later
 * call goes over that port with comlink. Top-level (no parent frame), it talks to the
 * native webview bridges instead.
 */
export function connectToHost(options: ConnectOptions): Bridge {
  // Debug mode is the merchant's `debug: true` in the host SDK, which `host_connect` carries
  // (PRODUCT.md §4: invalid input is logged in debug mode). A webview has no host to ask.
  let debugging = false;
  const debug = (message: string, detail?: unknown) => {
    if (debugging) console.debug('[tokenframe widget]', message, detail ?? '');
  };
  const validEvent = (event: WidgetEvent): WidgetEvent | null => {
    const parsed = widgetEventSchema.safeParse(event);
    if (parsed.success) return parsed.data;
    // Names of failing fields only: values may hold account data.
    debug(
      'dropped invalid event',
      parsed.error.issues.map((issue) => issue.path.join('.')),
    );
    return null;
  };

  if (window.parent === window) {
    return {
      mode: 'standalone',
      connected: Promise.resolve(null),
      emit(event) {
        const valid = validEvent(event);
        if (!valid) return;
        // In the chunk the document preloaded; one promise, so events keep their order. A
        // chunk that failed to download is a network failure the page shows anyway.
        loadStandaloneMode().then(
          ({ deliverToNativeBridges }) => deliverToNativeBridges(valid),
          () => undefined,
        );
      },
      resize() {},
      destroy() {},
    };
  }

  let host: Comlink.Remote<HostApi> | null = null;
  let port: MessagePort | null = null;
  let destroyed = false;
  const pending: WidgetEvent[] = [];
  let pendingHeight: number | null = null;
  let lastHeight: number | null = null;
  let resolveConnected!: (connect: HostConnect) => void;
  const connected = new Promise<HostConnect>((resolve) => (resolveConnected = resolve));

  const send = (call: () => Promise<void>) => {
    // The host may be gone (destroyed, navigated): a failed call is not the recipient's problem.
    call().catch((error: unknown) => debug('host call failed', String(error)));
  };
  const sendHeight = (height: number) => {
    if (height === lastHeight || !host) return;
    lastHeight = height;
    const remote = host;
    send(() => remote.resize(height));
  };

  const onMessage = (event: MessageEvent) => {
    // Order matters (penpal's habit): who sent it, from where, then what it says.
    if (event.source !== window.parent || event.origin !== options.hostOrigin) return;
    // Read before the check, so that a host_connect this widget cannot accept (another
    // protocol version, a second port) is itself logged when the merchant asked for debug.
    if ((event.data as { debug?: unknown } | null)?.debug === true) debugging = true;
    const parsed = parseHostConnect(event.data);
    if (!parsed.success || event.ports.length !== 1 || host) {
      debug('ignored message from host window');
      return;
    }
    window.removeEventListener('message', onMessage);
    port = event.ports[0]!;
    host = Comlink.wrap<HostApi>(port);
    const remote = host;
    for (const queued of pending.splice(0)) send(() => remote.emit(queued));
    if (pendingHeight !== null) sendHeight(pendingHeight);
    resolveConnected(parsed.data);
  };
  window.addEventListener('message', onMessage);
  // Checked exactly as if they arrived now; anything later reaches `onMessage` directly.
  // Without `early` (a malformed origin made the hello throw) no host ever answers: the SDK
  // times out and re-requests.
  for (const held of options.early?.take() ?? []) onMessage(held);

  return {
    mode: 'embedded',
    connected,
    emit(event) {
      const valid = validEvent(event);
      if (!valid || destroyed) return;
      const remote = host;
      if (remote) send(() => remote.emit(valid));
      else pending.push(valid);
    },
    resize(height) {
      const rounded = Math.ceil(height);
      // Round up: a fractional height rounded down leaves a 1 px scrollbar.
      if (destroyed || !resizeArgumentSchema.safeParse(rounded).success) return;
      if (host) sendHeight(rounded);
      else pendingHeight = rounded;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener('message', onMessage);
      if (host) host[Comlink.releaseProxy]();
      port?.close();
      host = null;
      pending.length = 0;
    },
  };
}

/**
 * Parses `host_connect`: every field but the appearance, which is passed on as it came. The
 * SDK checks only that `appearance` is an object (the patterns would not fit its size budget);
 * `applyAppearance` (its own chunk) checks it value by value, drops only what fails, and names
 * each dropped value in a console warning (PRODUCT.md §3).
 */
function parseHostConnect(data: unknown) {
  const parsed = hostConnectOnArrivalSchema.safeParse(data);
  return parsed.success
    ? { success: true as const, data: parsed.data as HostConnect }
    : { success: false as const };
}
