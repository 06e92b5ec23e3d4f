import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../storage/store';
import { openMigratedStore } from '../../testing/migratedStore';
import { canonicalHash } from './canonicalHash';
import { createSession, type NormalizedSessionParams } from './createSession';

vi.mock('./canonicalHash', async (original) => {
  const actual = await original<typeof import('./canonicalHash')>();
  return { ...actual, canonicalHash: vi.fn(actual.canonicalHash) };
});

let store: Store;
beforeAll(async () => {
  store = await openMigratedStore();
}, 60_000);
afterAll(() => store.close());

const params = (participant: string): NormalizedSessionParams => ({
  participant_unique_id1: participant,
  host_origin: 'http://localhost:3000',
  language_locale_code: 'en-US',
  theme_variant: 'light',
  recipient_information: { first_name: 'Jack', last_name: 'Frost' },
});
const input = (participant: string, idempotencyKey?: string) => ({
  program: 'demo',
  params: params(participant),
  idempotencyKey,
  now: Date.now(),
  publicUrl: 'http://localhost:8080',
  urlSecret: Buffer.alloc(32, 7),
});

describe('createSession', () => {
  it('hashes the parameters only for a key, which is what remembers them (PRODUCT.md §1)', async () => {
    vi.mocked(canonicalHash).mockClear();
    expect((await createSession(store, input('no-key'))).kind).toBe('created');
    expect(canonicalHash).not.toHaveBeenCalled();

    expect((await createSession(store, input('with-key', 'key-1'))).kind).toBe('created');
    expect(canonicalHash).toHaveBeenCalledTimes(1);
    const [key] = await store.query<{ params_hash: string }>(
      "SELECT params_hash FROM idempotency_keys WHERE participant_unique_id1 = 'with-key'",
    );
    expect(key!.params_hash).toBe(canonicalHash(params('with-key')));
    // The replay compares the same hash: same parameters replay, others are refused.
    expect((await createSession(store, input('with-key', 'key-1'))).kind).toBe('replayed');
  });
});
