import { randomUUID } from 'node:crypto';
import type { Store } from '../../storage/store';
import { buildAuthorizedUrl } from './authorizedUrl';
import { canonicalHash } from './canonicalHash';
import { insertSession, issueAuthorizedUrl, lockSession } from './sessionChanges';
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
    return createNew(tx, input, newId);
  });
}

async function createNew(
  tx: Store,
  input: CreateSessionInput,
  id: string,
): Promise<CreateSessionResult> {
  const { params } = input;
  const { session, expiresMs } = await insertSession(
    tx,
    id,
    {
      program: input.program,
      participant_unique_id1: params.participant_unique_id1,
      participant_unique_id2: params.participant_unique_id2,
      host_origin: params.host_origin,
      language_locale_code: params.language_locale_code,
      theme_variant: params.theme_variant,
      params,
    },
    input.now,
  );
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
  // Locking the session serialises URL issuance (see issueAuthorizedUrl).
  const current = (await lockSession(tx, key.session_id))!;
  if (isFinal(current.state)) return { kind: 'session_final', session: current };
  const { session, expiresMs } = await issueAuthorizedUrl(tx, current, input.now);
  return {
    kind: 'replayed',
    session,
    authorizedUrl: buildAuthorizedUrl(input.publicUrl, input.urlSecret, session.id, expiresMs),
    expiresMs,
  };
}
