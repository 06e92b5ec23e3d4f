import type { Store } from '../storage/store';
import { expireUnmountedSessions } from '../domain/sessions/sessionChanges';
import type { Job } from './scheduler';

/** Name of the session-expiry job on the scheduler. */
export const SESSION_EXPIRY_JOB = 'session-expiry';

/**
 * One pass of session expiry: an active session whose newest authorized_url went unmounted
 * for its 30 s becomes `expired` (PRODUCT.md §1). Returns how many sessions it moved.
 */
export async function expireStaleSessions(store: Store, now: number, limit = 500): Promise<number> {
  return expireUnmountedSessions(store, now, limit);
}

/** The session-expiry job: runs every `idleMs` (default 1 s, a thirtieth of a URL's life). */
export function sessionExpiryJob(options: {
  store: Store;
  clock?: () => number;
  idleMs?: number;
}): Job {
  const clock = options.clock ?? Date.now;
  return {
    name: SESSION_EXPIRY_JOB,
    idleMs: options.idleMs ?? 1000,
    runOnce: () => expireStaleSessions(options.store, clock()),
  };
}
