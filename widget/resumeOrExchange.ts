import type { FundingDestination, WidgetSession } from '../protocol';
import { WidgetApiFailure, type WidgetApiClient } from './api';
import { exchangeWithRetry } from './exchangeWithRetry';

/** The authorized_url's parts, read from the address bar at boot. */
export interface AuthorizedUrlParts {
  sessionIdentifier: string;
  t: string;
  h: string;
}

/** A live mount: exchanged just now, or resumed after a reload of a standalone page. */
export interface StartedMount {
  session: WidgetSession;
  resumed: boolean;
  /** Resumed only: the destination the recipient last chose in this mount. */
  destination?: FundingDestination;
}

/**
 * A reload that cannot resume: the URL was spent by the first load and no live mount is
 * stored. Carries what is known of the session (its redirect URLs) so the page can hand back
 * to the app (PRODUCT.md §5).
 */
export class MountNotResumable extends WidgetApiFailure {
  constructor(readonly session: WidgetSession | null) {
    super('unauthorized', 'url_used');
  }
}

/** Options of {@link resumeOrExchange}. */
export interface ResumeOrExchangeOptions {
  api: WidgetApiClient;
  /** `null` when the address bar held no `t`/`h` (stripped at first load, so: a reload). */
  authorizedUrl: AuthorizedUrlParts | null;
  /** Top-level in a webview: only then is the mount kept across reloads. */
  standalone: boolean;
  onRateLimited(): void;
  /** Defaults to `sessionStorage` (null where storage is blocked). */
  storage?: Storage | null;
  /** Defaults to `location.pathname`. */
  pathname?: string;
}

const KEY_PREFIX = 'tokenframe.mount.';

/** What a standalone page keeps of its mount: the bearer token while live, and the session. */
interface StoredMount {
  access_token?: string;
  session: WidgetSession;
  destination?: FundingDestination;
}

function defaultStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function read(storage: Storage | null, sessionIdentifier: string): StoredMount | null {
  try {
    const text = storage?.getItem(KEY_PREFIX + sessionIdentifier);
    return text ? (JSON.parse(text) as StoredMount) : null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, mount: StoredMount): void {
  try {
    storage?.setItem(KEY_PREFIX + mount.session.session_identifier, JSON.stringify(mount));
  } catch {
    // Storage full or blocked: the page works, it just cannot resume after a reload.
  }
}

/**
 * Starts the mount. With `t`/`h` in the address bar it exchanges them (once; retried only on
 * `rate_limited`). A standalone page then keeps the bearer token in `sessionStorage`: at top
 * level that storage is first-party to the service's origin, lives only as long as the tab,
 * and is the only way a webview reload or Back can resume a mount whose single-use URL is
 * spent (PRODUCT.md §5). Embedded, nothing is stored: the SDK re-requests a URL instead.
 *
 * Without `t`/`h` (a reload: boot strips them), a standalone page resumes the stored mount
 * when the service still accepts its token, and otherwise throws {@link MountNotResumable}.
 */
export async function resumeOrExchange(options: ResumeOrExchangeOptions): Promise<StartedMount> {
  const storage = options.standalone ? (options.storage ?? defaultStorage()) : null;
  const url = options.authorizedUrl;
  if (url) {
    const exchanged = await exchangeWithRetry(
      options.api,
      { session_identifier: url.sessionIdentifier, t: url.t, h: url.h },
      options.onRateLimited,
    );
    write(storage, { access_token: exchanged.access_token, session: exchanged.session });
    return { session: exchanged.session, resumed: false };
  }
  const sessionIdentifier = /^\/session\/([^/]{1,100})\/?$/.exec(
    options.pathname ?? window.location.pathname,
  )?.[1];
  if (!options.standalone || !sessionIdentifier)
    throw new WidgetApiFailure('invalid_request', 'invalid_url');
  const stored = read(storage, sessionIdentifier);
  if (stored?.access_token && (await options.api.resume(stored.access_token)))
    return { session: stored.session, resumed: true, destination: stored.destination };
  forgetMountToken(sessionIdentifier, storage);
  throw new MountNotResumable(stored?.session ?? null);
}

/** Records the destination chosen in a stored mount, so a reload reopens that form. */
export function rememberDestination(
  sessionIdentifier: string,
  destination: FundingDestination,
  storage: Storage | null = defaultStorage(),
): void {
  const stored = read(storage, sessionIdentifier);
  if (stored?.access_token) write(storage, { ...stored, destination });
}

/**
 * Removes the bearer token of a mount that reached a final page (or failed to resume). The
 * session's redirect URLs stay, so a later reload can still hand back to the app.
 */
export function forgetMountToken(
  sessionIdentifier: string,
  storage: Storage | null = defaultStorage(),
): void {
  const stored = read(storage, sessionIdentifier);
  if (stored) write(storage, { session: stored.session });
}
