import type { Store } from '../storage/store';
import { recordEvent } from '../domain/events/recordEvent';
import { SESSION_TOPICS } from '../domain/events/topics';
import type { SessionRow } from '../domain/sessions/sessionRow';

/**
 * Moves every active session whose newest authorized_url passed its expiry unmounted to
 * `expired` (PRODUCT.md §1), recording one event each. Safe to run from several instances
 * at once: the UPDATE's row locks let only one of them flip each session.
 */
export async function expireStaleSessions(store: Store, now: number, limit = 500): Promise<number> {
  return store.transaction(async (tx) => {
    const expired = await tx.query<SessionRow>(
      `UPDATE sessions SET state = 'expired', updated_at = $2
        WHERE id IN (SELECT id FROM sessions
                      WHERE state = 'active' AND NOT url_mounted AND url_expires_ms <= $1
                      LIMIT $3 FOR UPDATE SKIP LOCKED)
          AND state = 'active' AND NOT url_mounted
        RETURNING *`,
      [now, new Date(now), limit],
    );
    for (const session of expired)
      await recordEvent(
        tx,
        session,
        SESSION_TOPICS.EXPIRED,
        { event_name: SESSION_TOPICS.EXPIRED },
        { now },
      );
    return expired.length;
  });
}
