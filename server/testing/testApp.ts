import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { readEnvConfig, type ServiceConfig } from '../config';
import type { LoggerOption } from '../http/logging';
import { openStore, runMigrations } from '../storage/openStore';
import type { Store } from '../storage/store';
import { freePort } from './freePort';
import { checkResponsesAgainstOpenApi } from './openApiConformance';
import { SignedClient } from './signedClient';

/** A clock tests can move: `now()` is the app's clock, `advance(ms)` moves it. */
export interface TestClock {
  now: () => number;
  advance(ms: number): void;
  set(ms: number): void;
}

/** A clock starting at `start` (default: the real time) that moves only when told. */
export function testClock(start = Date.now()): TestClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => void (current += ms),
    set: (ms) => void (current = ms),
  };
}

/** An in-process service on loopback for one test file. */
export interface TestApp {
  app: FastifyInstance;
  url: string;
  store: Store;
  config: ServiceConfig;
  /** A client signed as the sandbox program (`demo` / `demo-secret`). */
  client: SignedClient;
  close(): Promise<void>;
}

/**
 * Builds the app on an in-memory PGlite store (or `databaseUrl`), migrated, listening on a
 * free loopback port. `env` is read like the real environment (programs, webhook, …).
 */
export async function startTestApp(
  options: {
    clock?: () => number;
    env?: Record<string, string>;
    databaseUrl?: string;
    store?: Store;
    logger?: LoggerOption;
    /** Settings with no environment variable (the exchange's per-IP limit). */
    config?: Pick<ServiceConfig, 'exchangeRateLimit'>;
  } = {},
): Promise<TestApp> {
  // The port is chosen first so that authorized_url can point at this very server from the
  // start: the config is frozen once the app is built.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const envConfig = readEnvConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    TOKENFRAME_PUBLIC_URL: url,
    ...options.env,
  });
  const store = options.store ?? (await openStore({ databaseUrl: options.databaseUrl }));
  await runMigrations(store);
  const config: ServiceConfig = {
    ...envConfig,
    ...options.config,
    urlSecret: envConfig.urlSecret ?? randomBytes(32),
    vaultKey: envConfig.vaultKey ?? randomBytes(32),
  };
  const app = await buildApp({
    store,
    config,
    clock: options.clock,
    logger: options.logger ?? false,
  });
  const conformance = checkResponsesAgainstOpenApi(app);
  await app.listen({ port: config.port, host: config.host });
  const client = new SignedClient({
    baseUrl: url,
    username: 'demo',
    secret: 'demo-secret',
    now: options.clock,
  });
  return {
    app,
    url,
    store,
    config,
    client,
    close: async () => {
      await app.close();
      if (!options.store) await store.close();
      conformance.assertConforms();
    },
  };
}
