import {
  EVENTS,
  FUNDING_DESTINATIONS,
  MIN_FRAME_HEIGHT,
  RECOVERABLE_SESSION_ERRORS,
  type FundingDestination,
  type SessionErrorCode,
} from '../protocol/constants';
import { eventEnvelopeSchema } from '../protocol/eventEnvelope';
import type {
  PluginErrorEvent,
  ReauthorizeReason,
  ReauthorizingEvent,
  WidgetEvent,
} from '../protocol/events';
import type { HostApi } from '../protocol/rpc';
import { LOAD_TO_HELLO_GRACE_MS } from '../protocol/widgetHello';
import {
  fromFetchResult,
  isExpired,
  type AuthorizedUrl,
  type AuthorizedUrlResult,
} from './authorizedUrl';
import { applyFrameHeight } from './autoHeight';
import { createDebugLog } from './debugLog';
import { createEmitter, type EventNameOrKey, type EventPayload, type Listener } from './emitter';
import { listenForWidget } from './handshake';
import { transition, type MountEvent, type MountState } from './mountLifecycle';
import { resolveOptions } from './options';
import { createReauthorizer } from './reauthorizePolicy';
import { TokenframeError } from './TokenframeError';

/** The object `Tokenframe.create` returns. */
export interface TokenframePlugin {
  /**
   * Mounts the widget in the container, replacing any earlier mount. `authorizedUrl` is the
   * URL from your backend's session call, or its `{ authorized_url,
   * authorized_url_expiration_utc }` object as is; a URL past its expiry is never loaded: a
   * fresh one is requested first. Resolves with the READY payload; rejects with a
   * TokenframeError.
   * @example await plugin.mount(data, Tokenframe.FUNDING_DESTINATIONS.DEBIT);
   */
  mount(
    authorizedUrl: AuthorizedUrlResult,
    fundingDestination: FundingDestination,
  ): Promise<EventPayload<'READY'>>;
  /**
   * Mounts without a URL in hand: the first one comes from `options.fetchAuthorizedUrl`,
   * called with reason `initial` (rejects with `fetch_authorized_url_missing` without it).
   * @example await plugin.mount(Tokenframe.FUNDING_DESTINATIONS.DEBIT);
   */
  mount(fundingDestination: FundingDestination): Promise<EventPayload<'READY'>>;
  /** As `mount(fundingDestination)`: `null` or `undefined` asks `fetchAuthorizedUrl` first. */
  mount(
    authorizedUrl: null | undefined,
    fundingDestination: FundingDestination,
  ): Promise<EventPayload<'READY'>>;
  /** Adds a listener. `name` is a value of `Tokenframe.EVENTS` or its key (`'TOKEN_SUCCESS'`). */
  addEventListener<N extends EventNameOrKey>(name: N, listener: Listener<N>): void;
  /** Removes a listener added with the same name (key or value) and function. */
  removeEventListener<N extends EventNameOrKey>(name: N, listener: Listener<N>): void;
  /** Adds a listener and returns the function that removes it. */
  on<N extends EventNameOrKey>(name: N, listener: Listener<N>): () => void;
  /** Removes the iframe and every listener the SDK added. Safe to call more than once. */
  destroy(): void;
  /** Where the current mount stands (see `MountState`); for logs and tests. */
  readonly state: MountState;
}

type SdkEvent = PluginErrorEvent | ReauthorizingEvent;
// Each SDK event without the ids (distributes over the union, unlike a bare Omit).
type OwnEvent<E = SdkEvent> = E extends SdkEvent
  ? Omit<E, 'session_identifier' | 'tracer_token'>
  : never;

// The widget never sends these: they are the SDK's own events.
const SDK_EVENTS: string[] = [EVENTS.REAUTHORIZING, EVENTS.PLUGIN_ERROR];
const TERMINAL: string[] = [
  EVENTS.TOKEN_SUCCESS,
  EVENTS.FUNDING_CANCELED,
  EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED,
];

/** Creates a plugin bound to `container` (a selector, looked up at each mount, or an element). */
export function createPlugin(container: string | HTMLElement, input?: unknown): TokenframePlugin {
  if (typeof container !== 'string' && (container as Node | null)?.nodeType !== 1) {
    throw new TokenframeError('invalid_container', 'container must be a selector or an element.');
  }
  const options = resolveOptions(input);
  const log = createDebugLog(options.debug);
  const emitter = createEmitter();
  let state: MountState = 'idle';
  let generation = 0;
  let destination: FundingDestination = FUNDING_DESTINATIONS.DEBIT;
  let sessionIdentifier = '';
  let tracerToken = '';
  let pending: {
    resolve(ready: EventPayload<'READY'>): void;
    reject(error: unknown): void;
  } | null = null;
  let disposeFrame: (() => void) | null = null;

  const step = (event: MountEvent): boolean => {
    const previous = state;
    state = transition(state, event);
    log(event, state);
    return state !== previous;
  };
  const settle = (error: TokenframeError | null, ready?: EventPayload<'READY'>) => {
    const current = pending;
    pending = null;
    if (error) current?.reject(error);
    else current?.resolve(ready!);
  };
  const removeFrame = () => {
    disposeFrame?.();
    disposeFrame = null;
  };
  // The SDK's own events (PLUGIN_ERROR, REAUTHORIZING) carry the ids the widget last reported.
  const emitOwn = (event: OwnEvent) =>
    emitter.emit({
      ...event,
      session_identifier: sessionIdentifier,
      tracer_token: tracerToken,
    } as SdkEvent);
  // The re-request policy only ever rejects with a TokenframeError (its own, or a cancel reason).
  const fail = (error: TokenframeError) => {
    if (!step('give_up')) return;
    removeFrame();
    emitOwn({ event_name: EVENTS.PLUGIN_ERROR, code: error.code, message: error.message });
    settle(error);
  };
  // Ends the current mount (a newer mount, or destroy): one iframe, one listener, one promise.
  const abandon = (error: TokenframeError) => {
    removeFrame();
    generation += 1;
    reauthorizer.cancel(error);
    settle(error);
  };

  const reauthorizer = createReauthorizer({
    fetchAuthorizedUrl: options.fetchAuthorizedUrl,
    maxReauthorizations: options.maxReauthorizations,
    log,
    onAttempt: (reason, attempt) => emitOwn({ event_name: EVENTS.REAUTHORIZING, reason, attempt }),
  });

  /** Call only once the state is `reauthorizing`. */
  const reauthorize = (reason: ReauthorizeReason) => {
    const mountGeneration = generation;
    reauthorizer.request(reason).then(
      (url) => {
        if (mountGeneration === generation && step('authorized')) load(url);
      },
      (error: TokenframeError) => {
        if (mountGeneration === generation) fail(error);
      },
    );
  };
  const recover = (reason: ReauthorizeReason) => {
    if (step('recoverable')) reauthorize(reason);
  };

  const onWidgetEvent = (event: WidgetEvent) => {
    sessionIdentifier = event.session_identifier;
    tracerToken = event.tracer_token;
    emitter.emit(event);
    if (event.event_name === EVENTS.READY) {
      if (step('ready')) {
        reauthorizer.reset();
        settle(null, event);
      }
    } else if (event.event_name === EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED) {
      recover('terminal_failure_acknowledged');
    } else if (event.event_name === EVENTS.SESSION_ERROR) {
      const code: SessionErrorCode = event.error;
      if (RECOVERABLE_SESSION_ERRORS.includes(code)) recover(code as ReauthorizeReason);
      else if (step('terminal')) settle(new TokenframeError('session_ended', code));
    } else if (TERMINAL.includes(event.event_name) && step('terminal')) {
      settle(new TokenframeError('session_ended', event.event_name));
    }
  };

  const load = (url: AuthorizedUrl) => {
    const host = resolveContainer(container);
    if (!host) return fail(containerError(container));
    // A remount (e.g. after the recipient pressed Continue) must not drop keyboard focus to
    // the merchant's page: if it was in the old frame, it goes to the new one (WCAG 2.4.3).
    const refocus = host.contains(document.activeElement);
    removeFrame();
    const iframe = document.createElement('iframe');
    // False once this iframe is removed (a remount, a newer mount, destroy): late calls are ignored.
    let live = true;
    const api: HostApi = Object.freeze({
      emit(event: WidgetEvent) {
        const parsed = eventEnvelopeSchema.safeParse(event);
        if (!live) return;
        if (!parsed.success || SDK_EVENTS.includes(parsed.data.event_name)) {
          log('dropped event');
          return;
        }
        onWidgetEvent(parsed.data as WidgetEvent);
      },
      resize(height: number) {
        if (live && options.autoHeight) applyFrameHeight(iframe, height);
      },
    });
    iframe.title = options.title;
    // Only the merchant's origin, never the page's path and query (which may name the user).
    iframe.referrerPolicy = 'strict-origin';
    // The flow types numbers and needs no permission-policy feature (no camera, no payment
    // request API), so none is delegated to the widget's origin.
    iframe.setAttribute('allow', '');
    // The widget is cross-origin, so allow-same-origin only keeps its own origin (it needs it
    // to call its service and for our origin check); the point is what stays off: top
    // navigation of the merchant page, modals, downloads.
    iframe.setAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox',
    );
    iframe.style.cssText = `display:block;width:100%;border:0;height:${
      options.autoHeight ? `${MIN_FRAME_HEIGHT}px` : '100%'
    }`;
    // A frame that loaded without saying hello is blocked or an error page (PRODUCT.md §3:
    // `load_failed`); one that has not loaded yet is slow (`handshake_timeout`, below).
    iframe.onload = () =>
      setTimeout(() => {
        if (live && state === 'loading') recover('load_failed');
      }, LOAD_TO_HELLO_GRACE_MS);
    const stopHandshake = listenForWidget({
      iframe,
      origin: url.origin,
      connect: {
        funding_destination: destination,
        appearance: options.appearance,
        debug: options.debug,
      },
      api,
      log,
      onConnected: () => step('hello'),
    });
    // The handshake and READY must both arrive in time; otherwise the URL is spent or broken.
    // Once ready, a late timer means nothing; `finished` and `failed` ignore `recoverable`.
    const timer = setTimeout(() => {
      if (live && state !== 'ready') recover('handshake_timeout');
    }, options.handshakeTimeoutMs);
    disposeFrame = () => {
      live = false;
      clearTimeout(timer);
      stopHandshake();
      iframe.remove();
    };
    iframe.src = url.href;
    host.appendChild(iframe);
    if (refocus) iframe.focus();
  };

  const plugin: TokenframePlugin = {
    mount(authorizedUrl: unknown, fundingDestination?: unknown) {
      if (state === 'destroyed') {
        return Promise.reject(new TokenframeError('destroyed', 'mount() after destroy().'));
      }
      // `mount(destination)`: no URL in hand, the first comes from fetchAuthorizedUrl.
      if (fundingDestination === undefined) [authorizedUrl, fundingDestination] = [, authorizedUrl];
      let url: AuthorizedUrl | null;
      try {
        if (!(Object.values(FUNDING_DESTINATIONS) as unknown[]).includes(fundingDestination)) {
          throw new TokenframeError(
            'invalid_funding_destination',
            `fundingDestination must be a Tokenframe.FUNDING_DESTINATIONS value.`,
          );
        }
        url = authorizedUrl == null ? null : fromFetchResult(authorizedUrl);
        if (!resolveContainer(container)) throw containerError(container);
      } catch (error) {
        return Promise.reject(error);
      }
      abandon(new TokenframeError('mount_replaced', 'replaced by a newer mount().'));
      destination = fundingDestination as FundingDestination;
      sessionIdentifier = url?.sessionIdentifier ?? '';
      tracerToken = '';
      const ready = new Promise<EventPayload<'READY'>>((resolve, reject) => {
        pending = { resolve, reject };
      });
      if (!url || isExpired(url)) {
        step('mount_expired');
        reauthorize(url ? 'url_expired' : 'initial');
      } else {
        step('mount');
        load(url);
      }
      return ready;
    },
    // The emitter's own functions: they close over its map, not over `this`.
    addEventListener: emitter.add,
    removeEventListener: emitter.remove,
    on: emitter.add,
    // Idempotent as it stands: a second call finds no iframe, no pending promise, no listener.
    destroy() {
      abandon(new TokenframeError('destroyed', 'destroy() called.'));
      step('destroy');
      emitter.clear();
    },
    get state() {
      return state;
    },
  };
  return plugin;
}

function resolveContainer(container: string | HTMLElement): HTMLElement | null {
  if (typeof container !== 'string') return container;
  try {
    return document.querySelector<HTMLElement>(container);
  } catch {
    return null; // An invalid selector is reported like a missing element.
  }
}

function containerError(container: string | HTMLElement): TokenframeError {
  return new TokenframeError(
    'invalid_container',
    `no element matches ${JSON.stringify(container)}.`,
  );
}
