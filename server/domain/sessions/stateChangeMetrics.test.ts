import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionStateChanges } from '../../metrics/serviceMetrics';
import type { Store } from '../../storage/openStore';
import { newSessionRequest } from '../../testing/newSessionRequest';
import { insertNewSession } from './newSession';
import { changeSession, lockSession } from './sessionChanges';
import { openMigratedStore } from '../../testing/migratedStore';

let store: Store;
beforeAll(async () => {
  store = await openMigratedStore();
}, 60_000);
afterAll(() => store.close());

/** The counter's value for one (event, state). */
async function counted(event: string, state: string): Promise<number> {
  const { values } = await sessionStateChanges.get();
  return values.find((v) => v.labels.event === event && v.labels.state === state)?.value ?? 0;
}

describe('the session state-change metric', () => {
  it('counts a change once its transaction commits, and never one that rolls back', async () => {
    const id = randomUUID();
    const createdBefore = await counted('created', 'active');
    const inserted = await insertNewSession(
      store,
      id,
      newSessionRequest(`metric-${id}`),
      Date.now(),
    );
    expect(inserted.kind).toBe('created');
    expect(await counted('created', 'active')).toBe(createdBefore + 1);

    const terminatedBefore = await counted('terminated', 'terminated');
    await expect(
      store.transaction(async (tx) => {
        const session = await lockSession(tx, id);
        await changeSession(tx, session!, { event: 'terminated' }, Date.now());
        throw new Error('abort after the change');
      }),
    ).rejects.toThrow('abort after the change');
    expect(await counted('terminated', 'terminated')).toBe(terminatedBefore);
    expect((await lockSession(store, id))?.state).toBe('active');

    await store.transaction(async (tx) => {
      const session = await lockSession(tx, id);
      await changeSession(tx, session!, { event: 'terminated' }, Date.now());
      expect(await counted('terminated', 'terminated'), 'not before the commit').toBe(
        terminatedBefore,
      );
    });
    expect(await counted('terminated', 'terminated')).toBe(terminatedBefore + 1);
  });
});
