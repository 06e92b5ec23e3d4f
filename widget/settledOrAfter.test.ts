import { afterEach, describe, expect, it, vi } from 'vitest';
import { settledOrAfter } from './settledOrAfter';

afterEach(() => vi.useRealTimers());

/** Resolves `true` if `promise` has resolved by the time the microtask queue drains. */
async function isResolved(promise: Promise<unknown>): Promise<boolean> {
  let resolved = false;
  void promise.then(() => (resolved = true));
  await vi.advanceTimersByTimeAsync(0);
  return resolved;
}

describe('settledOrAfter', () => {
  it('resolves as soon as every promise has settled, a rejection included', async () => {
    vi.useFakeTimers();
    let fulfil!: () => void;
    const pending = new Promise<void>((resolve) => (fulfil = resolve));
    const waited = settledOrAfter([pending, Promise.reject(new Error('no chunk')), undefined], 250);
    expect(await isResolved(waited)).toBe(false);
    fulfil();
    expect(await isResolved(waited)).toBe(true);
  });

  it('resolves after the delay when a promise never settles', async () => {
    vi.useFakeTimers();
    const waited = settledOrAfter([new Promise(() => undefined)], 250);
    await vi.advanceTimersByTimeAsync(249);
    expect(await isResolved(waited)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await isResolved(waited)).toBe(true);
  });
});
