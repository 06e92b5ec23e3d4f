import { maskedAccountSchema, type MaskedAccount } from '../../../protocol/account';
import type { MountRow, SessionRow } from '../../domain/sessions/sessionRow';
import { isUnstorableString } from '../../http/inputGuard';
import { isStorableInstant } from './opsSchemas';

const iso = (value: Date | string) => new Date(value).toISOString();

/** A session as listings show it: identifiers and state, never recipient data. */
export function sessionSummary(session: SessionRow) {
  return {
    session_identifier: session.id,
    state: session.state,
    participant_unique_id1: session.participant_unique_id1,
    participant_unique_id2: session.participant_unique_id2 ?? '',
    host_origin: session.host_origin,
    language_locale_code: session.language_locale_code,
    tracer_token: session.tracer_token,
    attempts_used: session.attempts_used,
    created_at: iso(session.created_at),
    updated_at: iso(session.updated_at),
  };
}

/**
 * The masked account of the newest mount that verified one. Only the fields of the shared
 * masked-account schema pass, whatever else the widget API keeps in `verified_account`.
 */
export function maskedAccountOf(mounts: readonly MountRow[]): MaskedAccount | null {
  for (const mount of [...mounts].reverse()) {
    const stored = mount.verified_account;
    if (!stored) continue;
    const candidate = (stored.masked ?? stored.account ?? stored) as Record<string, unknown>;
    const picked = Object.fromEntries(
      ['last4', 'display', 'brand', 'bank_name', 'account_type']
        .filter((k) => candidate[k] !== undefined && candidate[k] !== null)
        .map((k) => [k, candidate[k]]),
    );
    const parsed = maskedAccountSchema.safeParse(picked);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** Per-mount attempt counters for the detail view. */
export function mountView(mount: MountRow) {
  return {
    mount_id: mount.id,
    created_at: iso(mount.created_at),
    funding_destination: mount.funding_destination,
    recipient_verification_failures: mount.recipient_verification_failures,
    account_verification_failures: mount.account_verification_failures,
  };
}

/** Opaque pagination cursor: the last row's sort key. */
export function encodeCursor(session: SessionRow): string {
  return Buffer.from(JSON.stringify([iso(session.created_at), session.id])).toString('base64url');
}

/** Reads a cursor back; `null` when it was not made by {@link encodeCursor}. */
export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((v) => typeof v === 'string' && !isUnstorableString(v)) &&
      isStorableInstant(Date.parse(value[0] as string))
    )
      return value as [string, string];
  } catch {
    // fall through: any undecodable cursor is a field error
  }
  return null;
}
