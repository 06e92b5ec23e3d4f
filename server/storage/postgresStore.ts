import pg from 'pg';
import { runCommitted, type Store } from './store';

/** pg's query config; with a `name`, each connection prepares the statement on first use. */
function statement(sql: string, params: readonly unknown[] | undefined, name: string | undefined) {
  return { text: sql, values: params as unknown[] | undefined, ...(name ? { name } : {}) };
}

/**
 * Opens a connection pool on `databaseUrl`. Transactions each hold one pooled client. The
 * default size leaves 12 connections free while batched creates use their 4.
 */
export async function openPostgresStore(databaseUrl: string, poolSize = 16): Promise<Store> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  let closed = false;

  const onClient = (client: pg.PoolClient, committed: (() => void)[]): Store => {
    const tx: Store = {
      engine: 'postgres',
      query: async <T>(sql: string, params?: readonly unknown[], name?: string) =>
        (await client.query(statement(sql, params, name))).rows as T[],
      transaction: (fn) => fn(tx),
      afterCommit: (effect) => void committed.push(effect),
      close: async () => undefined,
    };
    return tx;
  };

  return {
    engine: 'postgres',
    query: async <T>(sql: string, params?: readonly unknown[], name?: string) =>
      (await pool.query(statement(sql, params, name))).rows as T[],
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const committed: (() => void)[] = [];
        const result = await fn(onClient(client, committed));
        await client.query('COMMIT');
        runCommitted(committed);
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    afterCommit: (effect) => runCommitted([effect]),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
