/** A bucket's size and refill rate. */
export interface RateLimit {
  burst: number;
  per_second: number;
}

/** Outcome of taking one token. */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * In-memory token buckets, one per key (program + participant). Per instance: with N instances
 * a participant gets at most N× the rate, which is acceptable for abuse protection and avoids
 * a database write per request.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly maxKeys = 50_000) {}

  /** Takes one token from `key`'s bucket at time `now` (ms). */
  take(key: string, limit: RateLimit, now: number): TakeResult {
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    const refilled = Math.min(
      limit.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * limit.per_second,
    );
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - refilled) / limit.per_second)),
      };
    }
    if (!this.buckets.has(key) && this.buckets.size >= this.maxKeys) this.evictFull(limit, now);
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    return { ok: true };
  }

  // Buckets that have refilled completely carry no information: drop them first.
  private evictFull(limit: RateLimit, now: number): void {
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + ((now - bucket.at) / 1000) * limit.per_second >= limit.burst)
        this.buckets.delete(key);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
