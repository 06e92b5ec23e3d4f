import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
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
 * The one rate-limit hook: a `preHandler` that takes a token from the request's bucket (its
 * own buckets, one per key) and throws {@link RateLimited} when there is none.
 */
export function rateLimitHook(clock: () => number, bucketOf: BucketOf): preHandlerAsyncHookHandler {
  const buckets = new TokenBuckets();
  return async (request) => {
    const bucket = bucketOf(request);
    if (!bucket) return;
    const taken = buckets.take(bucket.key, bucket.limit, clock());
    if (!taken.ok) throw new RateLimited(taken.retryAfterSeconds);
  };
}
