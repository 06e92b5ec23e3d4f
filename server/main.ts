import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { buildApp } from './app';
import { ConfigError, readEnvConfig, resolveServiceConfig } from './config';
import { createLogger } from './http/logging';
import { openStore, runMigrations } from './storage/openStore';
import type { Store } from './storage/store';
import { startScheduler } from './jobs/scheduler';
import { sessionExpiryJob } from './jobs/sessionExpiry';
import { webhookDeliveryJob } from './jobs/webhookDelivery';
import { retentionJob } from './jobs/retention';
import { analyzeJob, analyzeStore } from './jobs/analyze';
import { listenFailure, StartupError, storeFailure } from './runtime/startupError';

/** A running service. */
export interface RunningService {
  url: string;
  port: number;
  /** The service's logger (shutdown writes its one line here). */
  log: Logger;
  /** Graceful shutdown deadline from the config (`TOKENFRAME_SHUTDOWN_TIMEOUT`). */
  shutdownTimeoutMs: number;
  /**
   * Stops taking requests and lets those in flight finish, stops the jobs (passes in flight
   * finish), then closes the store. Idempotent.
   */
  close(): Promise<void>;
}

/**
 * Starts the whole service from environment variables: config, store, migrations (under an
 * advisory lock, so instances may start together), HTTP and the background jobs (webhook
 * delivery, session expiry, retention, and planner statistics).
 */
export async function startService(env: NodeJS.ProcessEnv = process.env): Promise<RunningService> {
  const envConfig = readEnvConfig(env);
  const log = createLogger({ level: envConfig.logLevel });
  let store: Store;
  try {
    store = await openStore({ dataDir: envConfig.dataDir, databaseUrl: envConfig.databaseUrl });
    await store.query('SELECT 1');
  } catch (error) {
    throw storeFailure(envConfig, error);
  }
  try {
    await runMigrations(store);
    // Fresh statistics after a migration: the planner's choices depend on them (PGlite has
    // no autovacuum to gather them later). Tables that never held a row are left alone (see
    // analyzeStore).
    await analyzeStore(store);
    const config = await resolveServiceConfig(envConfig, store, (message) => log.warn(message));
    const app = await buildApp({ store, config });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      await app.close();
      throw listenFailure(config.host, config.port, error);
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const jobs = startScheduler(
      [
        webhookDeliveryJob({ store, config, log }),
        sessionExpiryJob({ store }),
        retentionJob({ store, config }),
        analyzeJob({ store, config }),
      ],
      log,
    );
    let closing: Promise<void> | undefined;
    return {
      url: `http://localhost:${port}`,
      port,
      log,
      shutdownTimeoutMs: config.operations.shutdownTimeoutMs,
      close: () =>
        (closing ??= (async () => {
          await Promise.all([jobs.stop(), app.close()]);
          await store.close();
        })()),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Prints a start-up mistake as one line per problem and exits with code 2. */
function exitOnStartupMistake(error: unknown): never {
  if (error instanceof ConfigError || error instanceof StartupError) {
    for (const problem of error.problems) console.error(`tokenframe: ${problem}`);
    process.exit(2);
  }
  console.error(`tokenframe: could not start: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let service: RunningService;
  try {
    service = await startService(process.env);
  } catch (error) {
    exitOnStartupMistake(error);
  }
  console.log(`Tokenframe service listening on ${service.url}`);
  const shutdown = (signal: NodeJS.Signals) => {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), service.shutdownTimeoutMs);
    });
    void Promise.race([service.close().then(() => 'closed' as const), deadline]).then(
      (outcome) => {
        clearTimeout(timer);
        const fields = { signal, duration_ms: Date.now() - started, outcome };
        if (outcome === 'closed') service.log.info(fields, 'shutdown complete');
        else service.log.error(fields, 'shutdown deadline passed: exiting with work in flight');
        service.log.flush(() => process.exit(outcome === 'closed' ? 0 : 1));
      },
      (error: unknown) => {
        service.log.error({ signal, err: error }, 'shutdown failed');
        service.log.flush(() => process.exit(1));
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
