import type { AccountEntryPage } from './AccountEntryPage';

type AccountEntryModule = { AccountEntryPage: typeof AccountEntryPage };

let loaded: AccountEntryModule | null = null;
let inFlight: Promise<AccountEntryModule> | null = null;

/**
 * The account-entry form (every field, its validation, the state list) is its own chunk,
 * requested at boot in parallel with the URL exchange, so the first paint (the loading page)
 * does not wait for it and the form is there by the time the session is. Single-flight;
 * a failed download clears the promise so the next call retries.
 */
export function preloadAccountEntry(): Promise<AccountEntryModule> {
  inFlight ??= import('./AccountEntryPage').then(
    (module) => (loaded = module),
    (error: unknown) => {
      inFlight = null;
      throw error;
    },
  );
  return inFlight;
}

/** The form component once {@link preloadAccountEntry} has resolved, else `null`. */
export function loadedAccountEntryPage(): typeof AccountEntryPage | null {
  return loaded?.AccountEntryPage ?? null;
}
