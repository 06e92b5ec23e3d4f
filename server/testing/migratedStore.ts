import { openStore, runMigrations, type Store } from '../storage/openStore';

/** A store with every migration applied: PGlite in memory, or PostgreSQL at `databaseUrl`. */
export async function openMigratedStore(databaseUrl?: string): Promise<Store> {
  const store = await openStore({ databaseUrl });
  await runMigrations(store);
  return store;
}
