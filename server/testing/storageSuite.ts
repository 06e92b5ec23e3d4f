import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENAMED_MIGRATIONS } from '../storage/migrate';
import { openStore, runMigrations } from '../storage/openStore';
import type { Store } from '../storage/store';

/** The Store contract, run on PGlite (node project) and PostgreSQL (postgres project). */
export function defineStorageSuite(name: string, databaseUrl?: string): void {
  let store: Store;
  const table = `store_probe_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  beforeAll(async () => {
    store = await openStore({ databaseUrl });
    await runMigrations(store);
    await store.query(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`);
  }, 60_000);
  afterAll(async () => {
    await store.query(`DROP TABLE IF EXISTS ${table}`);
    await store.close();
  });

  describe(`storage on ${name}`, () => {
    it(`reports its engine`, () => {
      expect(store.engine).toBe(databaseUrl ? 'postgres' : 'pglite');
    });

    it('running migrations again, concurrently, applies nothing twice', async () => {
      const again = await Promise.all([runMigrations(store), runMigrations(store)]);
      expect(again).toEqual([[], []]);
      const applied = await store.query<{ name: string }>(
        'SELECT name FROM schema_migrations ORDER BY name',
      );
      expect(applied.map((r) => r.name)).toContain('001_core.sql');
    });

    it('a database migrated before files were renumbered runs none of them again', async () => {
      for (const [name, formerName] of Object.entries(RENAMED_MIGRATIONS))
        await store.query('UPDATE schema_migrations SET name = $1 WHERE name = $2', [
          formerName,
          name,
        ]);
      expect(await runMigrations(store)).toEqual([]);
      const applied = (
        await store.query<{ name: string }>('SELECT name FROM schema_migrations')
      ).map((r) => r.name);
      for (const [name, formerName] of Object.entries(RENAMED_MIGRATIONS)) {
        expect(applied).toContain(name);
        expect(applied).not.toContain(formerName);
      }
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      await store.transaction((tx) => tx.query(`INSERT INTO ${table} VALUES (1, 0)`));
      await expect(
        store.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${table} VALUES (2, 0)`);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await store.query(`SELECT id FROM ${table} ORDER BY id`)).toEqual([{ id: 1 }]);
    });

    it('runs after-commit effects at once outside a transaction, after COMMIT inside one, never after a rollback', async () => {
      const ran: string[] = [];
      store.afterCommit(() => ran.push('outside'));
      expect(ran).toEqual(['outside']);
      await store.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${table} VALUES (3, 0)`);
        tx.afterCommit(() => ran.push('committed'));
        await tx.transaction(async (inner) => inner.afterCommit(() => ran.push('nested')));
        expect(ran, 'nothing runs before the commit').toEqual(['outside']);
      });
      expect(ran).toEqual(['outside', 'committed', 'nested']);
      await expect(
        store.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${table} VALUES (4, 0)`);
          tx.afterCommit(() => ran.push('rolled back'));
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(ran).toEqual(['outside', 'committed', 'nested']);
      // A throwing effect does not turn a committed transaction into a failed one.
      await expect(
        store.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${table} VALUES (5, 0)`);
          tx.afterCommit(() => {
            throw new Error('effect');
          });
          return 'done';
        }),
      ).resolves.toBe('done');
      expect(
        await store.query(`SELECT id FROM ${table} WHERE id IN (3, 4, 5) ORDER BY id`),
      ).toEqual([{ id: 3 }, { id: 5 }]);
    });

    it('concurrent read-modify-write transactions with FOR UPDATE lose no update', async () => {
      await store.query(`INSERT INTO ${table} VALUES (10, 0)`);
      await Promise.all(
        Array.from({ length: 20 }, () =>
          store.transaction(async (tx) => {
            const [row] = await tx.query<{ n: number }>(
              `SELECT n FROM ${table} WHERE id = 10 FOR UPDATE`,
            );
            await tx.query(`UPDATE ${table} SET n = $1 WHERE id = 10`, [row!.n + 1]);
          }),
        ),
      );
      expect(await store.query(`SELECT n FROM ${table} WHERE id = 10`)).toEqual([{ n: 20 }]);
    });

    it('passes parameters and returns jsonb and timestamptz values', async () => {
      const at = new Date('2026-11-23T12:00:00.123Z');
      const [row] = await store.query<{ j: { a: number }; t: Date }>(
        'SELECT $1::jsonb AS j, $2::timestamptz AS t',
        [JSON.stringify({ a: 1 }), at],
      );
      expect(row!.j).toEqual({ a: 1 });
      expect(new Date(row!.t).toISOString()).toBe(at.toISOString());
    });
  });
}
