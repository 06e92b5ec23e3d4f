import { resolve } from 'node:path';
import type { Store } from './store';
import { openPgliteStore } from './pgliteStore';
import { openPostgresStore } from './postgresStore';

/** Where the store lives. `databaseUrl` wins; otherwise PGlite in `dataDir` (memory if neither). */
export interface StoreOptions {
  dataDir?: string;
  databaseUrl?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite store. Does not migrate. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgresStore(options.databaseUrl, options.poolSize);
  return openPgliteStore(options.dataDir ? resolve(options.dataDir) : undefined);
}

export type { Store } from './store';
export { runMigrations } from './migrate';
