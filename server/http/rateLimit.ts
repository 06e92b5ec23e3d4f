import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Store } from '../storage/store';
import { takeSharedToken } from './sharedTokenBuckets';
import { TokenBuckets, type RateLimit } from './tokenBucket';

/**
 * Thrown by {@link rateLimitHook} when a bucket is empty. Each API's error handler answers it
 * in that API's body with `Retry-After` (PRODUCT.md §1: 13429; the widget API: rate_limited).
 */
export class RateLimited extends Error {
  override readonly name = 'RateLimited';
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited');
  }
}

/** Which bucket a request takes from, or `null` to let it through uncounted. */
export type BucketOf = (request: FastifyRequest) => { key: string; limit: RateLimit } | null;

/**
 * The one rate-limit hook: a `preHandler` that takes a token from the request's bucket and
 * throws {@link RateLimited} when there is none. Given a PostgreSQL `store`, the buckets live
 * in the database and hold across instances (PRODUCT.md §10); otherwise each hook keeps its
 * own in memory (the embedded store serves one instance).
 */
export function rateLimitHook(
  clock: () => number,
  bucketOf: BucketOf,
  store?: Store,
): preHandlerAsyncHookHandler {
  const buckets = new TokenBuckets();
  const shared = store?.engine === 'postgres' ? store : undefined;
  return async (request) => {
    const bucket = bucketOf(request);
    if (!bucket) return;
    const taken = shared
      ? await takeSharedToken(shared, bucket.key, bucket.limit, clock())
      : buckets.take(bucket.key, bucket.limit, clock());
    if (!taken.ok) throw new RateLimited(taken.retryAfterSeconds);
  };
}
