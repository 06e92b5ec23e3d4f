import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  backoffDelay,
  createReauthorizer,
  type FetchAuthorizedUrl,
} from './reauthorizePolicy';
import { TokenframeError } from './TokenframeError';

const freshUrl = () => `https://widget.example/session/s1?t=${Date.now() + 30_000}&h=sig`;

function setup(fetchAuthorizedUrl: FetchAuthorizedUrl | undefined, max = 3) {
  const attempts: Array<[string, number]> = [];
  const reauthorizer = createReauthorizer({
    fetchAuthorizedUrl,
    maxReauthorizations: max,
    log: () => {},
    random: () => 0.5,
    onAttempt: (reason, attempt) => attempts.push([reason, attempt]),
  });
  return { reauthorizer, attempts };
}

describe('backoffDelay', () => {
  it('runs the first re-request at once', () => {
    expect(backoffDelay(1, () => 0.99)).toBe(0);
  });

  it('doubles the step each attempt up to the ceiling', () => {
    const top = (attempt: number) => backoffDelay(attempt, () => 1);
    expect(top(2)).toBe(BACKOFF_BASE_MS);
    expect(top(3)).toBe(BACKOFF_BASE_MS * 2);
    expect(top(4)).toBe(BACKOFF_BASE_MS * 4);
    expect(top(20)).toBe(BACKOFF_MAX_MS);
  });

  it('keeps jitter within [step/2, step]', () => {
    for (let attempt = 2; attempt < 10; attempt++) {
      const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 2));
      for (const r of [0, 0.25, 0.5, 0.999]) {
        const delay = backoffDelay(attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
      }
    }
  });
});

describe('createReauthorizer under fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shares one in-flight request between concurrent callers (single-flight)', async () => {
    const fetch = vi.fn(async () => freshUrl());
    const { reauthorizer, attempts } = setup(fetch);
    const [a, b] = [reauthorizer.request('url_used'), reauthorizer.request('load_failed')];
    expect(a).toBe(b);
    await expect(a).resolves.toMatchObject({ origin: 'https://widget.example' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(attempts).toEqual([['url_used', 1]]);
  });

  it('starts a new request, after a backoff, once the previous one settled', async () => {
    const fetch = vi.fn(async () => freshUrl());
    const { reauthorizer, attempts } = setup(fetch);
    await reauthorizer.request('url_used');
    const second = reauthorizer.request('url_used');
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
    await second;
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(attempts.map(([, n]) => n)).toEqual([1, 2]);
  });

  it('retries a failing backend with growing delays, then gives up at the limit', async () => {
    const fetch = vi.fn(async () => {
      throw new Error('backend down');
    });
    const { reauthorizer, attempts } = setup(fetch, 3);
    const result = reauthorizer.request('handshake_timeout');
    result.catch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    // random 0.5 → 3/4 of the step: 375 ms, then 750 ms.
    await vi.advanceTimersByTimeAsync(374);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(749);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(3);
    await expect(result).rejects.toMatchObject({ code: 'reauthorization_failed' });
    expect(attempts.map(([, n]) => n)).toEqual([1, 2, 3]);
    await expect(reauthorizer.request('url_used')).rejects.toMatchObject({
      code: 'reauthorization_failed',
    });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("mounts a URL fresh from the backend even when the local clock calls it expired (the server's clock decides)", async () => {
    const stale = `https://widget.example/session/s1?t=${Date.now() - 60_000}&h=x`;
    const fetch = vi.fn<FetchAuthorizedUrl>().mockResolvedValue(stale);
    const { reauthorizer } = setup(fetch);
    await expect(reauthorizer.request('url_expired')).resolves.toMatchObject({ href: stale });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('counts a new streak from 1 after reset (the widget became ready)', async () => {
    const fetch = vi.fn(async () => freshUrl());
    const { reauthorizer, attempts } = setup(fetch, 1);
    await reauthorizer.request('url_used');
    reauthorizer.reset();
    await reauthorizer.request('terminal_failure_acknowledged');
    expect(attempts).toEqual([
      ['url_used', 1],
      ['terminal_failure_acknowledged', 1],
    ]);
  });

  it('never calls the backend when maxReauthorizations is 0', async () => {
    const fetch = vi.fn(async () => freshUrl());
    const { reauthorizer } = setup(fetch, 0);
    await expect(reauthorizer.request('url_used')).rejects.toMatchObject({
      code: 'reauthorization_failed',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('tells the developer to pass fetchAuthorizedUrl when there is none', async () => {
    const { reauthorizer } = setup(undefined);
    const error = await reauthorizer.request('url_expired').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenframeError);
    expect(error).toMatchObject({ code: 'fetch_authorized_url_missing' });
    expect((error as Error).message).toMatch(/fetchAuthorizedUrl/);
  });

  it('cancel aborts the backoff and the signal given to the backend call', async () => {
    let signal: AbortSignal | undefined;
    const fetch = vi.fn<FetchAuthorizedUrl>(async (request) => {
      signal = request.signal;
      throw new Error('down');
    });
    const { reauthorizer } = setup(fetch);
    const result = reauthorizer.request('load_failed');
    await vi.advanceTimersByTimeAsync(0);
    const reason = new TokenframeError('destroyed', 'destroy() was called.');
    reauthorizer.cancel(reason);
    await expect(result).rejects.toBe(reason);
    expect(signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
