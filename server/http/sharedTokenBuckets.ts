import { createHash } from 'node:crypto';
import type { Store } from '../storage/store';
import { statementBatcher, type StatementBatcher } from '../storage/statementBatcher';
import type { RateLimit, TakeResult } from './tokenBucket';

/** One take of its own statement: the bucket, and the app clock's time. */
interface Take extends BucketTake {
  now: number;
}

/** A bucket after a take, as the statement returns it. */
interface BucketAfterTake {
  key: string;
  tokens: number;
  granted: boolean;
}

/** A take that rides in another statement: the bucket's hashed key and its program's limit. */
export interface BucketTake {
  key: string;
  limit: RateLimit;
}

/** The hashed key a bucket is stored under. */
export function bucketKey(key: string): string {
  // Hashed: a key may hold any character (NUL separates program and participant), and the
  // table then holds no participant id.
  return createHash('sha256').update(key).digest('base64url');
}

/**
 * A CTE `name` that takes one token from each bucket of `source`, a relation of the caller's
 * statement with columns `key`, `burst`, `per_second` and `at_ms` (each key at most once), and
 * returns `key, tokens, granted` per bucket. The refill is `TokenBuckets.take`'s, in SQL: the
 * bucket as of `at_ms`, capped at the burst. This module owns `rate_limit_buckets`: every
 * statement that takes tokens embeds this CTE.
 */
export function takeTokensCte(name: string, source: string): string {
  // EXCLUDED carries the take's own row (tokens = burst - 1, at_ms = its time); the rate comes
  // from the source row of the same key.
  const refilled = `LEAST(EXCLUDED.tokens + 1, b.tokens + GREATEST(0, EXCLUDED.at_ms - b.at_ms) / 1000.0
    * (SELECT per_second FROM ${source} WHERE ${source}.key = EXCLUDED.key))`;
  return `${name} AS (
    INSERT INTO rate_limit_buckets AS b (key, tokens, at_ms, granted)
    SELECT key, burst - 1, at_ms, true FROM ${source}
    ON CONFLICT (key) DO UPDATE SET
      tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
      granted = ${refilled} >= 1,
      at_ms = GREATEST(b.at_ms, EXCLUDED.at_ms)
    RETURNING key, tokens, granted
  )`;
}

/** The answer to a take, from the bucket the statement returned. */
export function takeResult(
  bucket: { tokens: number; granted: boolean },
  limit: RateLimit,
): TakeResult {
  if (bucket.granted) return { ok: true };
  return {
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil((1 - Number(bucket.tokens)) / limit.per_second)),
  };
}

/** The prepared statement's name: one text for every batch, so it is planned once. */
export const TAKE_TOKENS_STATEMENT = 'tokenframe_take_tokens';

// Every column of a batch arrives as one array parameter: one statement text for any batch.
const TAKE_TOKENS_SQL = `
  WITH takes AS (
    SELECT * FROM unnest($1::text[], $2::double precision[], $3::double precision[], $4::bigint[])
      AS i (key, burst, per_second, at_ms)
  ), ${takeTokensCte('taken', 'takes')}
  SELECT * FROM taken`;

const batchers = new WeakMap<Store, StatementBatcher<Take, BucketAfterTake>>();

/**
 * The store's batcher of takes. A take is a write that commits, and every create and widget
 * call takes one before its own write: as one statement each, their commits (a WAL flush
 * each) were most of PostgreSQL's work per create. Takes that arrive together share one.
 */
function batcherOf(store: Store) {
  let batcher = batchers.get(store);
  if (!batcher) {
    batcher = statementBatcher<Take, BucketAfterTake>({
      write: async (takes) => {
        const buckets = await store.query<BucketAfterTake>(
          TAKE_TOKENS_SQL,
          [
            takes.map((t) => t.key),
            takes.map((t) => t.limit.burst),
            takes.map((t) => t.limit.per_second),
            takes.map((t) => t.now),
          ],
          TAKE_TOKENS_STATEMENT,
        );
        const byKey = new Map(buckets.map((bucket) => [bucket.key, bucket]));
        return takes.map((t) => byKey.get(t.key)!);
      },
      maxInFlight: 4,
      maxBatch: 64,
      // An upsert may not touch one row twice: two takes of one bucket go one after the other.
      conflictKey: (take) => take.key,
    });
    batchers.set(store, batcher);
  }
  return batcher;
}

/**
 * Token buckets in the database, so that N instances on one PostgreSQL allow a participant
 * the program's rate once, not N times. The row lock of the upsert serialises concurrent
 * takes of one key, whichever instance they come from; takes of different keys that arrive
 * together share one statement.
 */
export async function takeSharedToken(
  store: Store,
  key: string,
  limit: RateLimit,
  now: number,
): Promise<TakeResult> {
  const bucket = await batcherOf(store).submit({ key: bucketKey(key), limit, now });
  return takeResult(bucket, limit);
}
