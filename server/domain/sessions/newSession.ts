import { randomBytes } from 'node:crypto';
import type { Store } from '../../storage/store';
import { sessionStateChanges } from '../../metrics/serviceMetrics';
import { eventRows, type EventRows } from '../events/recordEvent';
import { SESSION_TOPICS } from '../../../protocol/webhooks';
import { sendsWebhooks } from '../events/webhookPrograms';
import { AUTHORIZED_URL_TTL_MS } from './authorizedUrl';
import type { SessionRow } from './sessionRow';
import { countChangesCtes, countShard } from './stateCounts';
import { takeResult, takeTokensCte, type BucketTake } from '../../http/sharedTokenBuckets';
import { statementBatcher, type StatementBatcher } from '../../storage/statementBatcher';

/** The create request's parameters as a session row stores them. */
export interface NewSession {
  program: string;
  participant_unique_id1: string;
  participant_unique_id2?: string;
  host_origin: string;
  language_locale_code: string;
  theme_variant: string;
  params: object;
}

/** The idempotency key a new session claims (PRODUCT.md §1, Idempotency). */
export interface ClaimedKey {
  key: string;
  paramsHash: string;
  /** When the key stops pointing at the session (epoch ms). */
  expiresMs: number;
}

/** One new session's values, as the batched statement takes them. */
interface NewSessionRow {
  id: string;
  input: NewSession;
  participant2: string | null;
  tracerToken: string;
  expiresMs: number;
  at: Date;
  created: EventRows;
  issued: EventRows;
  /** Whether the program sends webhooks (outbox rows are written only then). */
  webhook: boolean;
  claimed?: ClaimedKey;
  take?: BucketTake;
}

/** Per row of a batch: the session when one was written, and the bucket after its take. */
interface NewSessionWritten {
  session?: SessionRow;
  bucket?: { tokens: number; granted: boolean };
}

/** What {@link insertNewSession} did. */
export type NewSessionOutcome =
  | { kind: 'created'; session: SessionRow; expiresMs: number }
  /** The key belongs to a live session: nothing was written, the caller replays. */
  | { kind: 'key_taken' }
  /** The participant's bucket was empty: nothing was written. */
  | { kind: 'rate_limited'; retryAfterSeconds: number };

/**
 * Writes a new `active` session: the idempotency key (when given), the session, its first
 * authorized_url, and both events (`session.created`, `session.authorized_url_issued`) with
 * their webhook outbox rows, all in ONE statement, which is atomic on its own.
 *
 * With a key, every row hangs off the key's insert: when the key is taken by a live session
 * (`ON CONFLICT … WHERE` leaves it alone) nothing is written, and the caller replays. A
 * concurrent request with the same key waits on the key row until the statement holding it
 * commits, exactly as inside a transaction.
 *
 * With a `take` (the shared rate limit on PostgreSQL, PRODUCT.md §10), the same statement
 * takes the participant's token first and writes nothing when the bucket is empty: one
 * commit per batch instead of one more per create. The token is taken whether the key then
 * replays or not, as when the take ran before the create.
 *
 * Creates that arrive together share one statement (see `storage/statementBatcher.ts`). That changes
 * no rule of PRODUCT.md §1: each session's rows still appear all at once or not at all, two
 * requests with one key never share a statement, and a statement that fails is retried one
 * create at a time, so a create fails only for a reason of its own.
 */
export async function insertNewSession(
  store: Store,
  id: string,
  input: NewSession,
  now: number,
  claimed?: ClaimedKey,
  take?: BucketTake,
): Promise<NewSessionOutcome> {
  const expiresMs = now + AUTHORIZED_URL_TTL_MS;
  const at = new Date(now);
  const tracerToken = `trc_${randomBytes(12).toString('base64url')}`;
  const participant2 = input.participant_unique_id2 ?? null;
  const owner = {
    id,
    program: input.program,
    participant_unique_id1: input.participant_unique_id1,
    participant_unique_id2: participant2,
    tracer_token: tracerToken,
  };
  // Built (and validated against the webhook schemas) before the statement.
  const created = eventRows(
    owner,
    SESSION_TOPICS.CREATED,
    {
      event_name: SESSION_TOPICS.CREATED,
      state: 'active',
      language_locale_code: input.language_locale_code,
      host_origin: input.host_origin,
    },
    at,
  );
  const issued = eventRows(
    owner,
    SESSION_TOPICS.AUTHORIZED_URL_ISSUED,
    {
      event_name: SESSION_TOPICS.AUTHORIZED_URL_ISSUED,
      authorized_url_expiration_utc: new Date(expiresMs).toISOString(),
    },
    at,
  );
  const { session, bucket } = await batcherOf(store).submit({
    id,
    input,
    participant2,
    tracerToken,
    expiresMs,
    at,
    created,
    issued,
    webhook: sendsWebhooks(input.program),
    claimed,
    take,
  });
  if (bucket && take) {
    const taken = takeResult(bucket, take.limit);
    if (!taken.ok) return { kind: 'rate_limited', retryAfterSeconds: taken.retryAfterSeconds };
  }
  if (!session) return { kind: 'key_taken' };
  sessionStateChanges.inc({ event: 'created', state: 'active' });
  return { kind: 'created', session, expiresMs };
}

const batchers = new WeakMap<Store, StatementBatcher<NewSessionRow, NewSessionWritten>>();

/**
 * The store's batcher. A transaction's handle is its own store object, so creates inside a
 * transaction only ever share a statement with that transaction's own creates.
 */
function batcherOf(store: Store) {
  let batcher = batchers.get(store);
  if (!batcher) {
    batcher = statementBatcher({
      write: (rows) => writeNewSessions(store, rows),
      // PGlite runs one statement at a time: a second in flight would only queue. On
      // PostgreSQL each batch waits for its commit's WAL flush; with 4 in flight a create
      // that found them all waiting waited for a slot and then for its own flush (measured:
      // 8 in flight +20-40 % creates/s at 16 and 50 clients). Half the pool stays free.
      maxInFlight: store.engine === 'pglite' ? 1 : 8,
      maxBatch: 64,
      // A participant's bucket (which also covers each of its keys) or a key: an upsert may not
      // touch one row twice.
      conflictKey: (row) =>
        row.take
          ? `bucket\u0000${row.take.key}`
          : row.claimed
            ? `key\u0000${row.input.program}\u0000${row.input.participant_unique_id1}\u0000${row.claimed.key}`
            : null,
    });
    batchers.set(store, batcher);
  }
  return batcher;
}

/** The prepared statement's name: one text for every batch, so it is planned once. */
export const NEW_SESSIONS_STATEMENT = 'tokenframe_new_sessions';

// Every column of a batch arrives as one array parameter, so the statement's text is the
// same for any batch size and any mix of keyed and keyless creates.
const NEW_SESSIONS_SQL = `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                         $7::text[], $8::text[], $9::text[], $10::bigint[], $11::timestamptz[],
                         $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
                         $17::text[], $18::text[], $19::text[], $20::timestamptz[],
                         $22::text[], $23::double precision[], $24::double precision[])
      WITH ORDINALITY AS i (id, program, participant1, participant2, params, host_origin,
                            language_locale_code, theme_variant, tracer_token, url_expires_ms,
                            created_at, created_id, created_detail, created_body, issued_id,
                            issued_detail, issued_body, idempotency_key, params_hash,
                            key_expires_at, bucket_key, bucket_burst, bucket_per_second, n)
  ), takes AS (
    SELECT bucket_key AS key, bucket_burst AS burst, bucket_per_second AS per_second,
           (extract(epoch FROM created_at) * 1000)::bigint AS at_ms
      FROM input WHERE bucket_key IS NOT NULL
  ), ${takeTokensCte('taken', 'takes')},
  granted AS (
    SELECT * FROM input
     WHERE bucket_key IS NULL OR bucket_key IN (SELECT key FROM taken WHERE granted)
  ), key AS (
    INSERT INTO idempotency_keys
      (program, participant_unique_id1, idempotency_key, params_hash, session_id, created_at, expires_at)
    SELECT program, participant1, idempotency_key, params_hash, id, created_at, key_expires_at
      FROM granted WHERE idempotency_key IS NOT NULL
    ON CONFLICT (program, participant_unique_id1, idempotency_key) DO UPDATE
      SET params_hash = EXCLUDED.params_hash, session_id = EXCLUDED.session_id,
          created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
      WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
    RETURNING session_id
  ), inserted AS (
    INSERT INTO sessions (id, program, participant_unique_id1, participant_unique_id2, state, params,
      host_origin, language_locale_code, theme_variant, tracer_token, url_expires_ms, created_at, updated_at)
    SELECT id, program, participant1, participant2, 'active', params::jsonb, host_origin,
           language_locale_code, theme_variant, tracer_token, url_expires_ms, created_at, created_at
      FROM granted
     WHERE idempotency_key IS NULL OR id IN (SELECT session_id FROM key)
    RETURNING *
  ), url AS (
    INSERT INTO authorized_urls (session_id, expires_ms, issued_at)
    SELECT id, url_expires_ms, created_at FROM inserted
  ), ${countChangesCtes(`(SELECT program, created_at, state, 1 AS delta FROM inserted) AS changes`, '$21')},
  events AS (
    SELECT e.*, s.program, s.id AS session_id, s.created_at, i.n
      FROM inserted s JOIN input i ON i.id = s.id,
           LATERAL (VALUES (1, i.created_id, '${SESSION_TOPICS.CREATED}', i.created_detail, i.created_body),
                           (2, i.issued_id, '${SESSION_TOPICS.AUTHORIZED_URL_ISSUED}', i.issued_detail, i.issued_body))
             AS e (k, id, topic, detail, body)
  ), timeline AS (
    -- In request order, created before issued: the timeline reads in seq order.
    INSERT INTO session_events (id, session_id, at, event_name, detail)
    SELECT id, session_id, created_at, topic, detail::jsonb FROM events ORDER BY n, k
  ), outbox AS (
    INSERT INTO webhook_outbox (id, program, session_id, topic, body, created_at, next_attempt_at)
    SELECT id, program, session_id, topic, body, created_at, created_at FROM events
     WHERE body IS NOT NULL
  )
  -- One row per create: its session's columns (null when none was written) and its bucket.
  SELECT s.*, i.id AS input_id, t.tokens AS bucket_tokens, t.granted AS bucket_granted
    FROM input i LEFT JOIN inserted s ON s.id = i.id LEFT JOIN taken t ON t.key = i.bucket_key`;

/** A row of the statement's answer: a session's columns (all null when none) and more. */
type WrittenRow = Omit<SessionRow, 'id'> & {
  id: string | null;
  input_id: string;
  bucket_tokens: number | null;
  bucket_granted: boolean | null;
};

/** Writes `rows` in one statement; per row, its session (if written) and its bucket (if taken). */
async function writeNewSessions(
  store: Store,
  rows: readonly NewSessionRow[],
): Promise<NewSessionWritten[]> {
  const column = <T>(of: (row: NewSessionRow) => T) => rows.map(of);
  const written = await store.query<WrittenRow>(
    NEW_SESSIONS_SQL,
    [
      column((r) => r.id),
      column((r) => r.input.program),
      column((r) => r.input.participant_unique_id1),
      column((r) => r.participant2),
      column((r) => JSON.stringify(r.input.params)),
      column((r) => r.input.host_origin),
      column((r) => r.input.language_locale_code),
      column((r) => r.input.theme_variant),
      column((r) => r.tracerToken),
      column((r) => r.expiresMs),
      column((r) => r.at),
      column((r) => r.created.id),
      column((r) => r.created.detail),
      column((r) => (r.webhook ? r.created.body : null)),
      column((r) => r.issued.id),
      column((r) => r.issued.detail),
      column((r) => (r.webhook ? r.issued.body : null)),
      column((r) => r.claimed?.key ?? null),
      column((r) => r.claimed?.paramsHash ?? null),
      column((r) => (r.claimed ? new Date(r.claimed.expiresMs) : null)),
      countShard(),
      column((r) => r.take?.key ?? null),
      column((r) => r.take?.limit.burst ?? null),
      column((r) => r.take?.limit.per_second ?? null),
    ],
    NEW_SESSIONS_STATEMENT,
  );
  const byId = new Map(
    written.map(({ input_id, bucket_tokens, bucket_granted, ...session }) => [
      input_id,
      {
        session: session.id === null ? undefined : (session as SessionRow),
        bucket:
          bucket_granted === null ? undefined : { tokens: bucket_tokens!, granted: bucket_granted },
      },
    ]),
  );
  return rows.map((row) => byId.get(row.id)!);
}
