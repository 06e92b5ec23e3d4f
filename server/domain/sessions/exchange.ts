import { randomUUID } from 'node:crypto';
import type { SessionErrorCode } from '../../../protocol/constants';
import type { Store } from '../../storage/store';
import { recordEvent } from '../events/recordEvent';
import { SESSION_TOPICS } from '../events/topics';
import { ACCESS_TOKEN_TTL_MS, hashAccessToken, newAccessToken } from './accessToken';
import { verifyAuthorizedUrl } from './authorizedUrl';
import type { MountRow, SessionRow } from './sessionRow';

/** The authorized_url's parts as the widget read them from its address bar. */
export interface ExchangeInput {
  session_identifier: string;
  t: string;
  h: string;
}

/** Outcome of an exchange: a new mount with its bearer token, or why the URL cannot start a flow. */
export type ExchangeResult =
  | { ok: true; session: SessionRow; mount: MountRow; accessToken: string }
  | { ok: false; error: SessionErrorCode };

/**
 * Trades an authorized_url for a mount (single use). Checks, in order: the signature (so
 * nothing about an unsigned URL is revealed), the session's state, then the URL's expiry
 * against the server clock, then prior use. The URL row is locked, so two concurrent
 * exchanges of one URL give one mount and one `url_used`.
 */
export async function exchangeAuthorizedUrl(
  store: Store,
  input: ExchangeInput,
  now: number,
  urlSecret: Buffer,
): Promise<ExchangeResult> {
  if (!verifyAuthorizedUrl(urlSecret, input.session_identifier, input.t, input.h))
    return { ok: false, error: 'invalid_url' };
  return store.transaction(async (tx): Promise<ExchangeResult> => {
    const session = (
      await tx.query<SessionRow>('SELECT * FROM sessions WHERE id = $1 FOR UPDATE', [
        input.session_identifier,
      ])
    )[0];
    if (!session) return { ok: false, error: 'invalid_url' };
    if (session.state === 'completed') return { ok: false, error: 'session_completed' };
    if (session.state !== 'active' && session.state !== 'expired')
      return { ok: false, error: 'session_terminated' };
    const url = (
      await tx.query<{ used_at: Date | null }>(
        'SELECT used_at FROM authorized_urls WHERE session_id = $1 AND expires_ms = $2 FOR UPDATE',
        [session.id, input.t],
      )
    )[0];
    if (!url) return { ok: false, error: 'invalid_url' };
    if (Number(input.t) <= now) return { ok: false, error: 'url_expired' };
    if (url.used_at) return { ok: false, error: 'url_used' };

    const at = new Date(now);
    await tx.query(
      'UPDATE authorized_urls SET used_at = $3 WHERE session_id = $1 AND expires_ms = $2',
      [session.id, input.t, at],
    );
    const updated = (
      await tx.query<SessionRow>(
        `UPDATE sessions SET state = 'active', url_mounted = true, updated_at = $2 WHERE id = $1 RETURNING *`,
        [session.id, at],
      )
    )[0]!;
    const accessToken = newAccessToken();
    const mount = (
      await tx.query<MountRow>(
        `INSERT INTO mounts (id, session_id, access_token_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [
          randomUUID(),
          session.id,
          hashAccessToken(accessToken),
          at,
          new Date(now + ACCESS_TOKEN_TTL_MS),
        ],
      )
    )[0]!;
    await recordEvent(
      tx,
      updated,
      SESSION_TOPICS.MOUNTED,
      { event_name: SESSION_TOPICS.MOUNTED },
      { now },
    );
    return { ok: true, session: updated, mount, accessToken };
  });
}
