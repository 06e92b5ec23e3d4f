import { useCallback, useEffect, useRef, useState } from 'react';
import {
  create,
  EVENTS,
  type AuthorizedUrlResult,
  type EventPayload,
  type FundingDestination,
  type TokenframeError,
  type TokenframeEvent,
  type TokenframeOptions,
  type TokenframePlugin,
} from '@tokenframe/js';

/** The events after which the recipient has left the flow for good (PRODUCT.md §3). */
export type ExitEvent =
  | EventPayload<'FUNDING_CANCELED'>
  | EventPayload<'MAX_VERIFICATION_ATTEMPTS_EXCEEDED'>
  | EventPayload<'SESSION_ERROR'>
  | EventPayload<'PLUGIN_ERROR'>;

/** Options of {@link useTokenframe}; the props of `<TokenframeCapture>` add `className`/`style`. */
export interface UseTokenframeOptions extends TokenframeOptions {
  /** Where the money goes: `debit`, `credit`, `ach`, `paypal` or `billpay`. */
  fundingDestination: FundingDestination;
  /**
   * The `authorized_url` from your backend, or its `{ authorized_url,
   * authorized_url_expiration_utc }` object. Omit it to let `fetchAuthorizedUrl` supply the
   * first one (reason `initial`): the usual choice, since a URL is valid for 30 s only.
   */
  authorizedUrl?: AuthorizedUrlResult;
  /** TOKEN_SUCCESS: store `event.customer_account_token`. Called once per session. */
  onSuccess?: (event: EventPayload<'TOKEN_SUCCESS'>) => void;
  /**
   * The flow ended without a token: canceled, too many attempts, a final session error
   * (`session_completed`, `session_terminated`) or the SDK gave up (PLUGIN_ERROR).
   */
  onExit?: (event: ExitEvent) => void;
  /** Every event, TOKEN_SUCCESS and exits included, e.g. for analytics. */
  onEvent?: (event: TokenframeEvent) => void;
}

/** Where the embedded flow stands. */
export type TokenframeStatus = 'idle' | 'loading' | 'ready' | 'success' | 'exited' | 'error';

/** What {@link useTokenframe} returns. */
export interface UseTokenframeResult {
  /** Put it on the element that should hold the iframe: `<div ref={ref} />`. */
  ref: (element: HTMLElement | null) => void;
  /** Where the flow stands. */
  status: TokenframeStatus;
  /** Why `mount` failed, when `status` is `error`. */
  error: TokenframeError | null;
}

const FINAL_SESSION_ERRORS: string[] = ['session_completed', 'session_terminated'];

/**
 * Embeds the Tokenframe widget in the element given to `ref`. Safe under `<StrictMode>` (the
 * mount starts after React's mount/unmount/mount rehearsal: one iframe, one
 * `fetchAuthorizedUrl` call) and under server rendering (nothing touches `window` before an
 * effect runs). Callbacks may change on every render without remounting; a new
 * `authorizedUrl` or `fundingDestination` remounts.
 */
export function useTokenframe(options: UseTokenframeOptions): UseTokenframeResult {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [status, setStatus] = useState<TokenframeStatus>('idle');
  const [error, setError] = useState<TokenframeError | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const ref = useCallback((node: HTMLElement | null) => setElement(node), []);
  const url = options.authorizedUrl;
  const urlKey = typeof url === 'string' ? url : url?.authorized_url;

  useEffect(() => {
    if (!element) return undefined;
    let plugin: TokenframePlugin | null = null;
    // A macrotask: StrictMode's rehearsal unmounts before it runs, so nothing is fetched twice.
    const start = setTimeout(() => {
      const { fundingDestination, authorizedUrl, onSuccess, onExit, onEvent, ...sdkOptions } =
        latest.current;
      void onSuccess;
      void onExit;
      void onEvent;
      const own = (plugin = create(element, {
        ...sdkOptions,
        fetchAuthorizedUrl: sdkOptions.fetchAuthorizedUrl
          ? (request) => latest.current.fetchAuthorizedUrl!(request)
          : undefined,
      }));
      for (const name of Object.values(EVENTS)) {
        own.on(name, (event: TokenframeEvent) => {
          const current = latest.current;
          current.onEvent?.(event);
          if (event.event_name === EVENTS.TOKEN_SUCCESS) {
            setStatus('success');
            current.onSuccess?.(event);
          } else if (
            event.event_name === EVENTS.FUNDING_CANCELED ||
            event.event_name === EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED ||
            event.event_name === EVENTS.PLUGIN_ERROR ||
            (event.event_name === EVENTS.SESSION_ERROR &&
              FINAL_SESSION_ERRORS.includes(event.error))
          ) {
            setStatus('exited');
            current.onExit?.(event);
          }
        });
      }
      setStatus('loading');
      setError(null);
      const mounted = authorizedUrl
        ? own.mount(authorizedUrl, fundingDestination)
        : own.mount(fundingDestination);
      mounted.then(
        () => setStatus((now) => (now === 'loading' ? 'ready' : now)),
        (reason: TokenframeError) => {
          if (reason.code === 'destroyed' || reason.code === 'mount_replaced') return;
          setError(reason);
          setStatus((now) => (now === 'loading' ? 'error' : now));
        },
      );
    }, 0);
    return () => {
      clearTimeout(start);
      plugin?.destroy();
    };
  }, [element, urlKey, options.fundingDestination]);

  return { ref, status, error };
}
