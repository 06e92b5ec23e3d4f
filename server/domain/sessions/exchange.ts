import type { SessionErrorCode } from '../../../protocol/constants';
import type { Store } from '../../storage/store';
import { verifyAuthorizedUrl } from './authorizedUrl';
import { lockSession, mountAuthorizedUrl } from './sessionChanges';
import type { MountRow, SessionRow } from './sessionRow';
import { isFinal, transition } from './state';

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
    const session = await lockSession(tx, input.session_identifier);
    if (!session) return { ok: false, error: 'invalid_url' };
    if (session.state === 'completed') return { ok: false, error: 'session_completed' };
    if (isFinal(session.state)) return { ok: false, error: 'session_terminated' };
    const url = (
      await tx.query<{ used_at: Date | null }>(
        'SELECT used_at FROM authorized_urls WHERE session_id = $1 AND expires_ms = $2 FOR UPDATE',
        [session.id, input.t],
      )
    )[0];
    if (!url) return { ok: false, error: 'invalid_url' };
    // An `expired` session's newest URL has passed its expiry, so the table's missing
    // (expired, mounted) row and the URL's own expiry give the same answer.
    if (Number(input.t) <= now || !transition(session.state, 'mounted'))
      return { ok: false, error: 'url_expired' };
    if (url.used_at) return { ok: false, error: 'url_used' };
    return { ok: true, ...(await mountAuthorizedUrl(tx, session, input.t, now)) };
  });
}
