import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../runtime/paths';
import type { Store } from './store';

export { MIGRATIONS_DIR } from '../runtime/paths';

/**
 * Files that were renumbered, new name → the name a database migrated before the renumbering
 * recorded. `schema_migrations` keys applied files by name, so the old rows are renamed
 * before anything runs; otherwise an existing database would run these files a second time.
 */
export const RENAMED_MIGRATIONS: Readonly<Record<string, string>> = {
  '002_vault.sql': '100_vault.sql',
  '003_vault_masked_email.sql': '101_vault_masked_email.sql',
  '007_webhook_operations.sql': '004_webhook_operations.sql',
  '008_widget_call_counts.sql': '100_widget_call_counts.sql',
};

/** Arbitrary constant: the advisory lock every instance takes while migrating. */
const MIGRATION_LOCK_ID = 7_123_400_001;

/**
 * Applies every migration file not yet recorded, in name order, in one transaction under a
 * transaction-scoped advisory lock: when several instances start at once, one migrates and
 * the others wait, then find nothing left to do.
 */
export async function runMigrations(store: Store, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = migrationFiles(dir);
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         name text PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    for (const [name, formerName] of Object.entries(RENAMED_MIGRATIONS))
      await tx.query('UPDATE schema_migrations SET name = $1 WHERE name = $2', [name, formerName]);
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const name of files) {
      if (done.has(name)) continue;
      const sql = readFileSync(join(dir, name), 'utf8');
      // Statements are split on a line holding only `;` or on `;` at a line end; migration
      // files keep to that (no dollar-quoted bodies containing `;\n`).
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      applied.push(name);
    }
    return applied;
  });
}

/** The migration files of `dir`, in the order they run. */
export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name))
    .sort();
}

/** Migration files this store has not applied yet (readiness: a newer build, an older schema). */
export async function pendingMigrations(store: Store, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied = new Set(
    (await store.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
  );
  return migrationFiles(dir).filter((name) => !applied.has(name));
}

/** Splits a migration file into statements (extended protocol takes one at a time). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0);
}
