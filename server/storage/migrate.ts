import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './store';

/** Folder of `NNN_name.sql` files, applied in name order. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Files that were renumbered, new name → the name a database migrated before the renumbering
 * recorded. `schema_migrations` keys applied files by name, so the old rows are renamed
 * before anything runs; otherwise an existing database would run these files a second time.
 */
export const RENAMED_MIGRATIONS: Readonly<Record<string, string>> = {
  '002_vault.sql': '100_vault.sql',
  '003_vault_masked_email.sql': '101_vault_masked_email.sql',
};

/** Arbitrary constant: the advisory lock every instance takes while migrating. */
const MIGRATION_LOCK_ID = 7_123_400_001;

/**
 * Applies every migration file not yet recorded, in name order, in one transaction under a
 * transaction-scoped advisory lock: when several instances start at once, one migrates and
 * the others wait, then find nothing left to do.
 */
export async function runMigrations(store: Store, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name))
    .sort();
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
