import { pathToFileURL } from 'node:url';
import { buildApp } from './app';
import { ConfigError, readEnvConfig, resolveServiceConfig } from './config';
import { createLogger } from './http/logging';
import { openStore, runMigrations } from './storage/openStore';
import { startScheduler } from './jobs/scheduler';
import { sessionExpiryJob } from './jobs/sessionExpiry';
import { webhookDeliveryJob } from './jobs/webhookDelivery';

/** A running service. */
export interface RunningService {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the whole service from environment variables: config, store, migrations (under an
 * advisory lock, so instances may start together), HTTP and the background jobs (webhook delivery, session expiry).
 */
export async function startService(env: NodeJS.ProcessEnv = process.env): Promise<RunningService> {
  const envConfig = readEnvConfig(env);
  const log = createLogger({ level: envConfig.logLevel });
  const store = await openStore({ dataDir: envConfig.dataDir, databaseUrl: envConfig.databaseUrl });
  try {
    await runMigrations(store);
    const config = await resolveServiceConfig(envConfig, store, (message) => log.warn(message));
    const app = await buildApp({ store, config });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const jobs = startScheduler(
      [webhookDeliveryJob({ store, config, log }), sessionExpiryJob({ store })],
      log,
    );
    let closing: Promise<void> | undefined;
    return {
      url: `http://localhost:${port}`,
      port,
      close: () =>
        (closing ??= (async () => {
          await jobs.stop();
          await app.close();
          await store.close();
        })()),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function main(): Promise<void> {
  let service: RunningService;
  try {
    service = await startService(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  console.log(`Tokenframe service listening on ${service.url}`);
  const shutdown = () => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
