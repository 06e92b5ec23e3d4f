import type { Store } from '../../storage/store';
import { hashAccessToken } from './accessToken';
import type { MountRow, SessionRow } from './sessionRow';

/**
 * Resolves `Authorization: Bearer <access_token>` to its live mount and session, or `null`
 * when the header is missing, malformed, unknown or expired. The caller decides what a final
 * session state means for its route.
 */
export async function authenticateWidget(
  store: Store,
  authorizationHeader: string | undefined,
  now: number,
): Promise<{ session: SessionRow; mount: MountRow } | null> {
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(authorizationHeader ?? '');
  if (!match) return null;
  const rows = await store.query<{ mount: MountRow; session: SessionRow }>(
    `SELECT to_jsonb(m) AS mount, to_jsonb(s) AS session
       FROM mounts m JOIN sessions s ON s.id = m.session_id
      WHERE m.access_token_hash = $1 AND m.expires_at > $2`,
    [hashAccessToken(match[1]!), new Date(now)],
  );
  const row = rows[0];
  return row ? { session: row.session, mount: row.mount } : null;
}
