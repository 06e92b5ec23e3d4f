/**
 * Tokenframe host SDK: embeds the account-capture widget on a merchant page.
 * @example
 * const plugin = Tokenframe.create('#capture', { fetchAuthorizedUrl });
 * plugin.on(Tokenframe.EVENTS.TOKEN_SUCCESS, (e) => save(e.customer_account_token));
 * await plugin.mount(authorizedUrl, Tokenframe.FUNDING_DESTINATIONS.DEBIT);
 */
import { EVENTS, FUNDING_DESTINATIONS } from '../protocol/constants';
import { createPlugin, type TokenframePlugin } from './plugin';
import type { TokenframeOptions } from './options';
import { TokenframeError } from './TokenframeError';

export { EVENTS, FUNDING_DESTINATIONS };
export type { EventKey, EventName, FundingDestination } from '../protocol/constants';
export type { Appearance } from '../protocol/appearance';
export type { TokenframeEvent, ReauthorizeReason } from '../protocol/events';
export { TokenframeError };
export type { TokenframeErrorCode } from './TokenframeError';
export type { TokenframeOptions } from './options';
export type { TokenframePlugin } from './plugin';
export type { MountState } from './mountLifecycle';
export type { EventNameOrKey, EventPayload, Listener } from './emitter';
export type { FetchAuthorizedUrl, ReauthorizeRequest } from './reauthorizePolicy';
export type { AuthorizedUrlResult } from './authorizedUrl';

/**
 * Creates a plugin for `container` (a CSS selector, resolved at each mount, or an element).
 * Throws a TokenframeError (`invalid_container`, `invalid_options`) on misuse.
 */
export function create(
  container: string | HTMLElement,
  options?: TokenframeOptions,
): TokenframePlugin {
  return createPlugin(container, options);
}

/** The `Tokenframe` global that the script-tag build (`/sdk/tokenframe.js`) defines. */
export interface TokenframeGlobal {
  /** See {@link create}. */
  create: typeof create;
  /** Event keys mapped to each payload's `event_name`. */
  EVENTS: typeof EVENTS;
  /** The funding destinations `mount` accepts. */
  FUNDING_DESTINATIONS: typeof FUNDING_DESTINATIONS;
  /** The only error type the SDK throws or rejects with. */
  TokenframeError: typeof TokenframeError;
}

declare global {
  interface Window {
    /** Defined by the script-tag build; a bundler build imports from `@tokenframe/js` instead. */
    Tokenframe: TokenframeGlobal;
  }
}
