import { randomBytes } from 'node:crypto';
import type { Store } from '../../storage/store';
import { sessionStateChanges } from '../../metrics/serviceMetrics';
import { eventRows, type EventRows } from '../events/recordEvent';
import { SESSION_TOPICS } from '../../../protocol/webhooks';
import { sendsWebhooks } from '../events/webhookPrograms';
import { AUTHORIZED_URL_TTL_MS } from './authorizedUrl';
import type { SessionRow } from './sessionRow';
import { countShard } from './stateCounts';
import { takeResult, type BucketTake } from '../../http/sharedTokenBuckets';
import { NEW_SESSIONS_STATEMENTS } from './newSessionsStatement';
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
  /** The two events; their `body` is null when the program has no webhook (no outbox rows). */
  created: EventRows;
  issued: EventRows;
  claimed?: ClaimedKey;
  take?: BucketTake;
}

/** Per row of a batch: whether its session was written, and the bucket after its take. */
interface NewSessionWritten {
  written: boolean;
  bucket?: { tokens: number; granted: boolean };
}

/** What a create answers about its new session: the columns its response carries. */
export type NewSessionIdentity = Pick<
  SessionRow,
  'id' | 'participant_unique_id1' | 'participant_unique_id2'
>;

/** What {@link insertNewSession} did. */
export type NewSessionOutcome =
  | { kind: 'created'; session: NewSessionIdentity; expiresMs: number }
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
  const webhook = sendsWebhooks(input.program);
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
    webhook,
  );
  const issued = eventRows(
    owner,
    SESSION_TOPICS.AUTHORIZED_URL_ISSUED,
    {
      event_name: SESSION_TOPICS.AUTHORIZED_URL_ISSUED,
      authorized_url_expiration_utc: new Date(expiresMs).toISOString(),
    },
    at,
    webhook,
  );
  const { written, bucket } = await batcherOf(store).submit({
    id,
    input,
    participant2,
    tracerToken,
    expiresMs,
    at,
    created,
    issued,
    claimed,
    take,
  });
  if (bucket && take) {
    const taken = takeResult(bucket, take.limit);
    if (!taken.ok) return { kind: 'rate_limited', retryAfterSeconds: taken.retryAfterSeconds };
  }
  if (!written) return { kind: 'key_taken' };
  store.afterCommit(() => sessionStateChanges.inc({ event: 'created', state: 'active' }));
  // The row holds what the request gave: the statement need not send it back.
  const session = {
    id,
    participant_unique_id1: owner.participant_unique_id1,
    participant_unique_id2: participant2,
  };
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
      // PostgreSQL each batch waits for its commit's WAL flush, and a few in flight overlap
      // one batch's flush with the next one's work. More only split the creates into smaller
      // batches, each paying the statement's fixed cost (≈ 0.25 ms of database CPU, against
      // ≈ 0.075 ms per create). Measured in alternated rounds at 16 and 50 clients: 4 in
      // flight took 5-9 % less CPU per create than 8, with as many creates/s or more and a
      // lower p99. (8 had measured better earlier, probably while the creates' foreign-key
      // checks still scanned `sessions` on a new database; see jobs/analyze.ts.) 12 of the
      // pool's 16 connections stay free.
      maxInFlight: store.engine === 'pglite' ? 1 : 4,
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

/** A row of the statement's answer: the create's id, whether it wrote its session, its bucket. */
interface WrittenRow {
  input_id: string;
  written: boolean;
  bucket_tokens: number | null;
  bucket_granted: boolean | null;
}

/** Writes `rows` in one statement; per row, whether its session was written and its bucket (if taken). */
async function writeNewSessions(
  store: Store,
  rows: readonly NewSessionRow[],
): Promise<NewSessionWritten[]> {
  const column = <T>(of: (row: NewSessionRow) => T) => rows.map(of);
  const statement = rows.some((r) => r.take)
    ? NEW_SESSIONS_STATEMENTS.taking
    : NEW_SESSIONS_STATEMENTS.plain;
  const answer = await store.query<WrittenRow>(
    statement.sql,
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
      column((r) => r.created.body),
      column((r) => r.issued.id),
      column((r) => r.issued.detail),
      column((r) => r.issued.body),
      column((r) => r.claimed?.key ?? null),
      column((r) => r.claimed?.paramsHash ?? null),
      column((r) => (r.claimed ? new Date(r.claimed.expiresMs) : null)),
      countShard(),
      column((r) => r.take?.key ?? null),
      column((r) => r.take?.limit.burst ?? null),
      column((r) => r.take?.limit.per_second ?? null),
    ],
    statement.name,
  );
  const byId = new Map(
    answer.map(({ input_id, written, bucket_tokens, bucket_granted }) => [
      input_id,
      {
        written,
        bucket:
          bucket_granted === null ? undefined : { tokens: bucket_tokens!, granted: bucket_granted },
      },
    ]),
  );
  // The plain statement answers only the sessions it wrote.
  return rows.map((row) => byId.get(row.id) ?? { written: false });
}
