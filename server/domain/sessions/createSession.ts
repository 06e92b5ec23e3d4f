import { randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '../../storage/store';
import { recordEvent } from '../events/recordEvent';
import { SESSION_TOPICS } from '../events/topics';
import { AUTHORIZED_URL_TTL_MS, buildAuthorizedUrl } from './authorizedUrl';
import { canonicalHash } from './canonicalHash';
import type { SessionRow } from './sessionRow';
import { isFinal } from './state';

/** How long an idempotency key keeps pointing at its session. */
export const IDEMPOTENCY_WINDOW_MS = 2 * 60 * 60 * 1000;

/** A validated create request with the program's defaults applied. */
export interface NormalizedSessionParams {
  participant_unique_id1: string;
  participant_unique_id2?: string;
  host_origin: string;
  language_locale_code: string;
  theme_variant: string;
  success_redirect_url?: string;
  error_redirect_url?: string;
  recipient_information: Record<string, string | undefined>;
}

/** Everything {@link createSession} needs besides the store. */
export interface CreateSessionInput {
  program: string;
  params: NormalizedSessionParams;
  idempotencyKey?: string;
  now: number;
  publicUrl: string;
  urlSecret: Buffer;
}

/** Outcome: a new session (100), a replay (101), or one of the two idempotency refusals. */
export type CreateSessionResult =
  | { kind: 'created' | 'replayed'; session: SessionRow; authorizedUrl: string; expiresMs: number }
  | { kind: 'key_mismatch' }
  | { kind: 'session_final'; session: SessionRow };

/**
 * Creates a session, or replays the one its idempotency key points at, in one transaction.
 * The unique key on (program, participant, key) decides races: every concurrent request tries
 * the same `INSERT … ON CONFLICT`, exactly one inserts (or revives an expired key), and the
 * others wait for it to commit and then read its row. A failed request rolls back and so
 * stores no key.
 */
export async function createSession(
  store: Store,
  input: CreateSessionInput,
): Promise<CreateSessionResult> {
  const paramsHash = canonicalHash(input.params);
  return store.transaction(async (tx): Promise<CreateSessionResult> => {
    const newId = randomUUID();
    if (input.idempotencyKey !== undefined) {
      const won = await tx.query<{ session_id: string }>(
        `INSERT INTO idempotency_keys
           (program, participant_unique_id1, idempotency_key, params_hash, session_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (program, participant_unique_id1, idempotency_key) DO UPDATE
           SET params_hash = EXCLUDED.params_hash, session_id = EXCLUDED.session_id,
               created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
           WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
         RETURNING session_id`,
        [
          input.program,
          input.params.participant_unique_id1,
          input.idempotencyKey,
          paramsHash,
          newId,
          new Date(input.now),
          new Date(input.now + IDEMPOTENCY_WINDOW_MS),
        ],
      );
      if (won[0]?.session_id !== newId) return replay(tx, input, paramsHash);
    }
    return insertSession(tx, input, newId);
  });
}

async function insertSession(
  tx: Store,
  input: CreateSessionInput,
  id: string,
): Promise<CreateSessionResult> {
  const { params, now } = input;
  const expiresMs = now + AUTHORIZED_URL_TTL_MS;
  const at = new Date(now);
  const session = (
    await tx.query<SessionRow>(
      `WITH created AS (
         INSERT INTO sessions (id, program, participant_unique_id1, participant_unique_id2, state, params,
           host_origin, language_locale_code, theme_variant, tracer_token, url_expires_ms, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'active', $5, $6, $7, $8, $9, $10, $11, $11) RETURNING *
       ), url AS (
         INSERT INTO authorized_urls (session_id, expires_ms, issued_at) SELECT id, url_expires_ms, created_at FROM created
       )
       SELECT * FROM created`,
      [
        id,
        input.program,
        params.participant_unique_id1,
        params.participant_unique_id2 ?? null,
        JSON.stringify(params),
        params.host_origin,
        params.language_locale_code,
        params.theme_variant,
        `trc_${randomBytes(12).toString('base64url')}`,
        expiresMs,
        at,
      ],
    )
  )[0]!;
  await recordEvent(
    tx,
    session,
    SESSION_TOPICS.CREATED,
    {
      event_name: SESSION_TOPICS.CREATED,
      state: 'active',
      language_locale_code: params.language_locale_code,
      host_origin: params.host_origin,
    },
    { now },
  );
  await recordUrlIssued(tx, session, expiresMs, now);
  return {
    kind: 'created',
    session,
    authorizedUrl: buildAuthorizedUrl(input.publicUrl, input.urlSecret, id, expiresMs),
    expiresMs,
  };
}

async function replay(
  tx: Store,
  input: CreateSessionInput,
  paramsHash: string,
): Promise<CreateSessionResult> {
  const key = (
    await tx.query<{ params_hash: string; session_id: string }>(
      `SELECT params_hash, session_id FROM idempotency_keys
        WHERE program = $1 AND participant_unique_id1 = $2 AND idempotency_key = $3`,
      [input.program, input.params.participant_unique_id1, input.idempotencyKey],
    )
  )[0];
  if (!key) throw new Error('idempotency key vanished inside its transaction');
  if (key.params_hash !== paramsHash) return { kind: 'key_mismatch' };
  // Locking the session serialises URL issuance, so `url_expires_ms` strictly increases and
  // every replay gets a distinct URL even within one millisecond.
  const current = (
    await tx.query<SessionRow>('SELECT * FROM sessions WHERE id = $1 FOR UPDATE', [key.session_id])
  )[0]!;
  if (isFinal(current.state)) return { kind: 'session_final', session: current };
  const expiresMs = Math.max(input.now + AUTHORIZED_URL_TTL_MS, Number(current.url_expires_ms) + 1);
  const at = new Date(input.now);
  const session = (
    await tx.query<SessionRow>(
      `UPDATE sessions SET state = 'active', url_expires_ms = $2, url_mounted = false, updated_at = $3
        WHERE id = $1 RETURNING *`,
      [current.id, expiresMs, at],
    )
  )[0]!;
  await tx.query(
    'INSERT INTO authorized_urls (session_id, expires_ms, issued_at) VALUES ($1, $2, $3)',
    [session.id, expiresMs, at],
  );
  await recordUrlIssued(tx, session, expiresMs, input.now);
  return {
    kind: 'replayed',
    session,
    authorizedUrl: buildAuthorizedUrl(input.publicUrl, input.urlSecret, session.id, expiresMs),
    expiresMs,
  };
}

async function recordUrlIssued(
  tx: Store,
  session: SessionRow,
  expiresMs: number,
  now: number,
): Promise<void> {
  await recordEvent(
    tx,
    session,
    SESSION_TOPICS.AUTHORIZED_URL_ISSUED,
    {
      event_name: SESSION_TOPICS.AUTHORIZED_URL_ISSUED,
      authorized_url_expiration_utc: new Date(expiresMs).toISOString(),
    },
    { now },
  );
}
