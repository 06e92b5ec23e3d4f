import { createHash } from 'node:crypto';
import type { Store } from '../storage/store';
import type { RateLimit, TakeResult } from './tokenBucket';

// The refill of `TokenBuckets.take`, in SQL: the bucket as of `$4`, capped at the burst.
const REFILLED = 'LEAST($2, b.tokens + GREATEST(0, $4 - b.at_ms) / 1000.0 * $3)';

/**
 * Token buckets in the database, so that N instances on one PostgreSQL allow a participant
 * the program's rate once, not N times. One statement per take: the row lock of the upsert
 * serialises concurrent takes of one key, whichever instance they come from.
 */
export async function takeSharedToken(
  store: Store,
  key: string,
  limit: RateLimit,
  now: number,
): Promise<TakeResult> {
  const [bucket] = await store.query<{ tokens: number; granted: boolean }>(
    `INSERT INTO rate_limit_buckets AS b (key, tokens, at_ms, granted)
     VALUES ($1, $2::double precision - 1, $4, true)
     ON CONFLICT (key) DO UPDATE SET
       tokens = CASE WHEN ${REFILLED} >= 1 THEN ${REFILLED} - 1 ELSE ${REFILLED} END,
       granted = ${REFILLED} >= 1,
       at_ms = GREATEST(b.at_ms, $4)
     RETURNING tokens, granted`,
    // Hashed: a key may hold any character (NUL separates program and participant), and
    // the table then holds no participant id.
    [createHash('sha256').update(key).digest('base64url'), limit.burst, limit.per_second, now],
  );
  if (bucket!.granted) return { ok: true };
  return {
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil((1 - Number(bucket!.tokens)) / limit.per_second)),
  };
}
