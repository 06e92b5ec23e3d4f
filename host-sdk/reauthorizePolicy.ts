import type { ReauthorizeReason } from '../protocol/events';
import { fromFetchResult, type AuthorizedUrl, type AuthorizedUrlResult } from './authorizedUrl';
import type { DebugLog } from './debugLog';
import { TokenframeError } from './TokenframeError';

/** What the SDK passes to the merchant's `fetchAuthorizedUrl`. */
export interface ReauthorizeRequest {
  /** Why a fresh URL is needed. */
  reason: ReauthorizeReason;
  /** 1 for the first re-request of a failure streak, then 2, 3, … */
  attempt: number;
  /** Aborted when the mount is replaced or destroyed; pass it to `fetch`. */
  signal: AbortSignal;
}

/** The merchant's function that asks its backend for a fresh authorized_url. */
export type FetchAuthorizedUrl = (
  request: ReauthorizeRequest,
) => AuthorizedUrlResult | Promise<AuthorizedUrlResult>;

/** First backoff step and ceiling, in ms. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 8_000;

/**
 * Delay before re-request `attempt` (1-based). The first runs at once (an expired URL or an
 * acknowledged failure should not keep the recipient waiting); later ones wait an
 * exponentially growing step with "equal jitter": uniformly in [step/2, step], so many pages
 * failing together do not hit the merchant's backend in lockstep.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  if (attempt <= 1) return 0;
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 2));
  return step / 2 + (random() * step) / 2;
}

/** Settings of {@link createReauthorizer}. */
export interface ReauthorizerOptions {
  fetchAuthorizedUrl: FetchAuthorizedUrl | undefined;
  /** Re-requests allowed per failure streak (reset by READY). */
  maxReauthorizations: number;
  /** Called as each attempt starts, before its backoff (the REAUTHORIZING event). */
  onAttempt(reason: ReauthorizeReason, attempt: number): void;
  log: DebugLog;
  random?: () => number;
}

/** Single-flight re-requests with backoff and a bounded count. */
export interface Reauthorizer {
  /**
   * Starts a re-request or joins the one in flight. Resolves with a fresh URL;
   * rejects with `fetch_authorized_url_missing` or `reauthorization_failed`, or with the
   * error given to {@link Reauthorizer.cancel}.
   */
  request(reason: ReauthorizeReason): Promise<AuthorizedUrl>;
  /** The widget became ready: the next failure starts a new streak at attempt 1. */
  reset(): void;
  /** Aborts the request in flight (new mount, destroy) and resets the count. */
  cancel(reason: TokenframeError): void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** Creates the re-request policy of PRODUCT.md §3 ("the 30 s rule"). */
export function createReauthorizer(options: ReauthorizerOptions): Reauthorizer {
  const { fetchAuthorizedUrl, maxReauthorizations, onAttempt, log } = options;
  let attempts = 0;
  let controller = new AbortController();
  let inFlight: Promise<AuthorizedUrl> | null = null;

  const run = async (reason: ReauthorizeReason, signal: AbortSignal): Promise<AuthorizedUrl> => {
    if (!fetchAuthorizedUrl) {
      throw new TokenframeError(
        'fetch_authorized_url_missing',
        `${reason}: no options.fetchAuthorizedUrl.`,
      );
    }
    while (attempts < maxReauthorizations) {
      attempts += 1;
      const attempt = attempts;
      onAttempt(reason, attempt);
      await sleep(backoffDelay(attempt, options.random), signal);
      try {
        const url = fromFetchResult(await fetchAuthorizedUrl({ reason, attempt, signal }));
        signal.throwIfAborted();
        // A URL fresh from the backend is mounted whatever the local clock says: the server's
        // clock decides (PRODUCT.md §1), and a visitor whose clock runs fast would otherwise
        // never get a URL the SDK accepts. If it really is stale, the widget reports url_expired.
        return url;
      } catch (error) {
        signal.throwIfAborted();
        log('fetchAuthorizedUrl failed', error);
      }
    }
    throw new TokenframeError(
      'reauthorization_failed',
      `${reason}: gave up after ${maxReauthorizations} re-requests.`,
    );
  };

  return {
    request(reason) {
      if (!inFlight) {
        const current = run(reason, controller.signal).finally(() => {
          if (inFlight === current) inFlight = null;
        });
        inFlight = current;
      }
      return inFlight;
    },
    reset() {
      attempts = 0;
    },
    cancel(reason) {
      controller.abort(reason);
      controller = new AbortController();
      inFlight = null;
      attempts = 0;
    },
  };
}
