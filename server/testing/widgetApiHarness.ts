import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { openStore, runMigrations, type Store } from '../storage/openStore';
import type { ServiceConfig } from '../config';
import { sandboxProgram, type Program } from '../domain/programs/program';
import { createSession } from '../domain/sessions/createSession';
import { exchangeAuthorizedUrl } from '../domain/sessions/exchange';
import { widgetApiPlugin } from '../api/widgetApi/plugin';
import { checkResponsesAgainstOpenApi } from './openApiConformance';
import { installRequestIds } from '../http/requestId';
import { widgetDocumentRoutes } from '../widgetDocument/documentRoutes';
import { readOperationalSettings } from '../runtime/operationalSettings';

/** The sandbox recipient the harness's sessions are created for. */
export const RECIPIENT = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  address_line1: '1 Main St',
  city: 'Boston',
  state: 'MA',
  zip_code: '02110',
} as const;

/** Billing fields of a submission that match {@link RECIPIENT}. */
export const MATCHING_ADDRESS = {
  address_line1: RECIPIENT.address_line1,
  city: RECIPIENT.city,
  state: RECIPIENT.state,
  zip_code: RECIPIENT.zip_code,
};

/** A running widget API on its own Fastify app and in-memory PGlite store, for route tests. */
export interface WidgetApiHarness {
  app: FastifyInstance;
  store: Store;
  config: ServiceConfig;
  /** Every log line the app wrote. */
  logs: string[];
  /** Creates a session (through the domain's createSession) and returns its id. */
  createSession(options?: { participant?: string; idempotencyKey?: string }): Promise<string>;
  /** Issues a new authorized_url for the session (idempotent replay) and exchanges it: a new mount. */
  mount(sessionId: string, idempotencyKey?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Builds the widget API and document plugins the way buildApp registers them, with the
 * sandbox program (optionally changed) and a fixed clock.
 */
export async function startWidgetApiHarness(
  options: { program?: Partial<Program>; distDir?: string; now?: number } = {},
): Promise<WidgetApiHarness> {
  const now = options.now ?? Date.UTC(2026, 10, 23, 12, 0, 0);
  const store = await openStore({});
  await runMigrations(store);
  const program = {
    ...sandboxProgram({ extraHosts: ['https://shop.example'] }),
    ...options.program,
  };
  const config: ServiceConfig = {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'info',
    dataDir: '',
    publicUrl: 'http://localhost:8080',
    urlSecret: randomBytes(32),
    vaultKey: randomBytes(32),
    programs: [program],
    distDir: options.distDir ?? '/nonexistent-dist',
    operations: readOperationalSettings({}, []),
  };
  const logs: string[] = [];
  const app = Fastify({
    logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
  });
  const clock = () => now;
  installRequestIds(app);
  const conformance = checkResponsesAgainstOpenApi(app);
  await app.register(widgetApiPlugin, { store, config, clock });
  await app.register(widgetDocumentRoutes, { store, config, clock });
  await app.ready();

  const issue = async (participant: string, idempotencyKey: string | undefined) => {
    const result = await createSession(store, {
      program: program.username,
      params: {
        participant_unique_id1: participant,
        host_origin: 'https://shop.example',
        language_locale_code: 'en-US',
        theme_variant: 'light',
        recipient_information: { ...RECIPIENT },
      },
      idempotencyKey,
      now,
      publicUrl: config.publicUrl,
      urlSecret: config.urlSecret,
    });
    if (result.kind !== 'created' && result.kind !== 'replayed')
      throw new Error(`createSession: ${result.kind}`);
    return { sessionId: result.session.id, url: new URL(result.authorizedUrl) };
  };
  const keys = new Map<string, { participant: string; key: string }>();
  let counter = 0;

  return {
    app,
    store,
    config,
    logs,
    async createSession({ participant = 'participant-1', idempotencyKey } = {}) {
      const key = idempotencyKey ?? `key-${(counter += 1)}`;
      const { sessionId } = await issue(participant, key);
      keys.set(sessionId, { participant, key });
      return sessionId;
    },
    async mount(sessionId) {
      const known = keys.get(sessionId);
      if (!known) throw new Error('unknown session');
      const { url } = await issue(known.participant, known.key);
      const exchanged = await exchangeAuthorizedUrl(
        store,
        {
          session_identifier: sessionId,
          t: url.searchParams.get('t')!,
          h: url.searchParams.get('h')!,
        },
        now,
        config.urlSecret,
      );
      if (!exchanged.ok) throw new Error(`exchange failed: ${exchanged.error}`);
      return exchanged.accessToken;
    },
    async close() {
      await app.close();
      await store.close();
      conformance.assertConforms();
    },
  };
}
