/**
 * The one storage interface the service codes against. Two engines implement it (PGlite
 * embedded, PostgreSQL through `pg`) with the same SQL, so every query is written once in
 * PostgreSQL dialect and parameterised with `$1…$n`.
 */
export interface Store {
  /** Which engine answers; only diagnostics and benchmarks should care. */
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs one statement and returns its rows. `name` marks a hot statement whose text never
   * changes: PostgreSQL then parses and plans it once per connection instead of every time
   * (a named prepared statement); PGlite, in process, has no such cost and ignores it.
   */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    name?: string,
  ): Promise<T[]>;
  /**
   * Runs `fn` inside one transaction (READ COMMITTED) and commits when it resolves, rolls back
   * when it throws. Calling `transaction` on the `tx` handle runs inline in the same transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Runs `effect` once what this handle wrote is committed: at once on the store itself, where
   * each statement commits on its own; after COMMIT on a transaction's handle; never after a
   * rollback. For effects outside the database, such as metrics, that must not count undone work.
   */
  afterCommit(effect: () => void): void;
  /** Releases the connection(s). Idempotent. */
  close(): Promise<void>;
}

/**
 * Runs the effects a committed transaction collected. An effect that throws is a defect of its
 * own: it must not turn a transaction that committed into one reported as failed.
 */
export function runCommitted(effects: readonly (() => void)[]): void {
  for (const effect of effects)
    try {
      effect();
    } catch {
      // See above: the data is committed whatever an effect does.
    }
}
