import type { FundingDestination, WidgetSession } from '../protocol';

/**
 * What a standalone page keeps of its mount in `sessionStorage` (PRODUCT.md §5): the bearer
 * token while the mount is live, the session (for its redirect URLs), and the destination last
 * chosen. At top level that storage is first-party to the service's origin and lives only as
 * long as the tab; embedded pages never call this (the SDK re-requests a URL instead).
 */
export interface StoredMount {
  access_token?: string;
  session: WidgetSession;
  destination?: FundingDestination;
}

const KEY_PREFIX = 'tokenframe.mount.';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The stored mount of `sessionIdentifier`, or null. */
export function readMount(sessionIdentifier: string): StoredMount | null {
  try {
    const text = storage()?.getItem(KEY_PREFIX + sessionIdentifier);
    return text ? (JSON.parse(text) as StoredMount) : null;
  } catch {
    return null;
  }
}

/** Stores (or replaces) a mount; a full or blocked storage only costs the reload resume. */
export function writeMount(mount: StoredMount): void {
  try {
    storage()?.setItem(KEY_PREFIX + mount.session.session_identifier, JSON.stringify(mount));
  } catch {
    // Nothing to do: the page works, it just cannot resume after a reload.
  }
}

/** Updates the stored mount of `sessionIdentifier`, if one with a live token exists. */
export function updateMount(
  sessionIdentifier: string,
  change: (mount: StoredMount) => StoredMount,
): void {
  const stored = readMount(sessionIdentifier);
  if (stored?.access_token) writeMount(change(stored));
}
