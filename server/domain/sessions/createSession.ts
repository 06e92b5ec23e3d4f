import { randomUUID } from 'node:crypto';
import type { Store } from '../../storage/store';
import { buildAuthorizedUrl } from './authorizedUrl';
import { canonicalHash } from './canonicalHash';
import { issueAuthorizedUrl, lockSession } from './sessionChanges';
import { insertNewSession, type NewSessionIdentity } from './newSession';
import type { BucketTake } from '../../http/sharedTokenBuckets';
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
  /** The participant's shared rate-limit take, made by the create's own statement. */
  take?: BucketTake;
}

/**
 * Outcome: a new session (100), a replay (101), one of the two idempotency refusals, or an
 * empty rate-limit bucket (13429, only when the create carried its `take`).
 */
export type CreateSessionResult =
  | {
      kind: 'created' | 'replayed';
      session: NewSessionIdentity;
      authorizedUrl: string;
      expiresMs: number;
    }
  | { kind: 'key_mismatch' }
  | { kind: 'session_final'; session: SessionRow }
  | { kind: 'rate_limited'; retryAfterSeconds: number };

/**
 * Creates a session in one statement, or replays the one its idempotency key points at in a
 * transaction. The unique key on (program, participant, key) decides races: every concurrent
 * request tries the same `INSERT … ON CONFLICT`, exactly one inserts (or revives an expired
 * key), and the others wait for it to commit and then read its row. A failed statement
 * writes nothing, and so stores no key.
 */
export async function createSession(
  store: Store,
  input: CreateSessionInput,
): Promise<CreateSessionResult> {
  const id = randomUUID();
  const { params } = input;
  // Only a key remembers its request's parameters (PRODUCT.md §1, Idempotency), so a create
  // without one skips the hash.
  const claimed =
    input.idempotencyKey === undefined
      ? undefined
      : {
          key: input.idempotencyKey,
          paramsHash: canonicalHash(params),
          expiresMs: input.now + IDEMPOTENCY_WINDOW_MS,
        };
  // The common path (a new session) is one statement; only a replay needs a transaction.
  const inserted = await insertNewSession(
    store,
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
    claimed,
    input.take,
  );
  if (inserted.kind === 'rate_limited') return inserted;
  if (inserted.kind === 'created')
    return {
      kind: 'created',
      session: inserted.session,
      authorizedUrl: buildAuthorizedUrl(input.publicUrl, input.urlSecret, id, inserted.expiresMs),
      expiresMs: inserted.expiresMs,
    };
  // `key_taken`: only a create that claimed a key is ever told so.
  if (!claimed) throw new Error('a create without an idempotency key found its key taken');
  return store.transaction((tx) => replay(tx, input, claimed.paramsHash));
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
