import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './tokenBucket';

describe('token bucket', () => {
  it('allows a burst, refuses the next request with a Retry-After, and refills at the configured rate', () => {
    const buckets = new TokenBuckets();
    const limit = { burst: 3, per_second: 2 };
    for (let i = 0; i < 3; i++) expect(buckets.take('p', limit, 0)).toEqual({ ok: true });
    expect(buckets.take('p', limit, 0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take('p', limit, 500)).toEqual({ ok: true });
    expect(buckets.take('p', limit, 500).ok).toBe(false);
    expect(buckets.take('other', limit, 500)).toEqual({ ok: true });
  });

  it('keeps memory bounded by dropping refilled buckets', () => {
    const buckets = new TokenBuckets(10);
    const limit = { burst: 1, per_second: 1 };
    for (let i = 0; i < 100; i++) expect(buckets.take(`k${i}`, limit, i * 2000).ok).toBe(true);
  });
});
