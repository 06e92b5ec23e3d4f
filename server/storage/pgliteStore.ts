import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { storeQueueWait } from '../metrics/serviceMetrics';
import { runCommitted, type Store } from './store';

/**
 * PGlite is one connection inside this process: two interleaved transactions would share it
 * and corrupt each other. Every statement and every transaction therefore runs through one
 * FIFO queue, which gives PGlite the same isolation a pool of connections gives PostgreSQL.
 */
export async function openPgliteStore(dataDir: string | undefined): Promise<Store> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;

  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const queuedAt = performance.now();
    // The wait for the single connection is what a busy embedded store adds to every request.
    const timed = () => {
      storeQueueWait.observe((performance.now() - queuedAt) / 1000);
      return work();
    };
    const run = tail.then(timed, timed);
    tail = run.catch(() => undefined);
    return run;
  }

  const inTransaction = (raw: { query: PGlite['query'] }, committed: (() => void)[]): Store => {
    const tx: Store = {
      engine: 'pglite',
      query: async <T>(sql: string, params?: readonly unknown[]) =>
        (await raw.query<T>(sql, params as unknown[] | undefined)).rows,
      transaction: (fn) => fn(tx),
      afterCommit: (effect) => void committed.push(effect),
      close: async () => undefined,
    };
    return tx;
  };

  return {
    engine: 'pglite',
    query: <T>(sql: string, params?: readonly unknown[]) =>
      enqueue(async () => (await db.query<T>(sql, params as unknown[] | undefined)).rows),
    transaction: (fn) =>
      enqueue(async () => {
        const committed: (() => void)[] = [];
        const result = await db.transaction((raw) => fn(inTransaction(raw, committed)));
        runCommitted(committed);
        return result;
      }),
    afterCommit: (effect) => runCommitted([effect]),
    close: async () => {
      if (closed) return;
      closed = true;
      await enqueue(() => db.close());
    },
  };
}
