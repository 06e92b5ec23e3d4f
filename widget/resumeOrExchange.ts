import { WidgetApiFailure, type WidgetApiClient } from './api';
import { startExchange, type AuthorizedUrlParts, type PendingExchange } from './bootExchange';
import { MountNotResumable } from './mountNotResumable';
import { loadStandaloneMode } from './standaloneModeLoader';
import type { StartedMount } from './startedMount';

export type { StartedMount } from './startedMount';

/** Options of {@link resumeOrExchange}. */
export interface ResumeOrExchangeOptions {
  api: WidgetApiClient;
  /** `null` when the address bar held no `t`/`h` (boot strips them, so: a reload). */
  authorizedUrl: AuthorizedUrlParts | null;
  /** The exchange boot already started (`bootExchange.ts`); started here when absent. */
  exchange?: PendingExchange;
  /** Top-level in a webview: only then is the mount kept across reloads. */
  standalone: boolean;
  onRateLimited(): void;
  /** Defaults to `location.pathname`. */
  pathname?: string;
}

/**
 * Starts the mount. With `t`/`h` in the address bar it awaits the exchange boot started (or
 * starts it: once, retried only on `rate_limited`), and a standalone page stores the mount
 * (`mountStore.ts`): a webview reload or Back cannot exchange the single-use URL again, so
 * first-party `sessionStorage` is the only way to resume it (PRODUCT.md §5). Without `t`/`h`,
 * a standalone page resumes the stored mount (`resumeStoredMount.ts`) or fails with
 * `url_used` (`mountNotResumable.ts`); embedded, such a URL is `invalid_url` and the SDK
 * re-requests. The stored mount's code is in the standalone chunk (`standaloneMode.ts`).
 */
export async function resumeOrExchange(options: ResumeOrExchangeOptions): Promise<StartedMount> {
  const url = options.authorizedUrl;
  if (url) {
    const exchange = options.exchange ?? startExchange(options.api, url);
    exchange.onRateLimited(options.onRateLimited);
    const exchanged = await exchange.response;
    // Kept for a reload; a chunk that failed to download only costs that resume.
    if (options.standalone)
      await loadStandaloneMode().then(
        ({ writeMount }) =>
          writeMount({ access_token: exchanged.access_token, session: exchanged.session }),
        () => undefined,
      );
    return { session: exchanged.session, resumed: false };
  }
  const sessionIdentifier = /^\/session\/([^/]{1,100})\/?$/.exec(
    options.pathname ?? window.location.pathname,
  )?.[1];
  if (!options.standalone || !sessionIdentifier)
    throw new WidgetApiFailure('invalid_request', 'invalid_url');
  const { resumeStoredMount } = await loadStandaloneMode();
  const resumption = await resumeStoredMount(options.api, sessionIdentifier);
  if ('resumed' in resumption) return resumption.resumed;
  throw new MountNotResumable(resumption.notResumable.session);
}
