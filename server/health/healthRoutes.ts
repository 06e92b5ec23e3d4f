import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context';
import { BUILD_INFO_PATH, REPO_ROOT } from '../runtime/paths';
import { pendingMigrations } from '../storage/migrate';

/** The built files the service must be able to serve before it takes traffic. */
export const REQUIRED_ASSETS = ['sdk/tokenframe.js', 'sdk/tokenframe.mjs', 'widget/index.html'];

/** One readiness check's outcome; `detail` says what is wrong, for the operator. */
export interface ReadinessCheck {
  ok: boolean;
  detail?: string;
}

/** Runs every readiness check: store reachable, migrations current, built assets present. */
export async function readiness(
  context: ServiceContext,
): Promise<Record<'store' | 'migrations' | 'assets', ReadinessCheck>> {
  let store: ReadinessCheck;
  let migrations: ReadinessCheck;
  try {
    await context.store.query('SELECT 1');
    store = { ok: true };
    const pending = await pendingMigrations(context.store);
    migrations =
      pending.length === 0 ? { ok: true } : { ok: false, detail: `pending: ${pending.join(', ')}` };
  } catch (error) {
    store = { ok: false, detail: `store unreachable: ${(error as Error).message}` };
    migrations = { ok: false, detail: 'store unreachable' };
  }
  const missing = REQUIRED_ASSETS.filter((file) => !existsSync(join(context.config.distDir, file)));
  const assets: ReadinessCheck =
    missing.length === 0
      ? { ok: true }
      : { ok: false, detail: `missing in ${context.config.distDir}: ${missing.join(', ')}` };
  return { store, migrations, assets };
}

/** What `GET /version` answers. */
export function versionInfo(): { version: string; commit: string | null; built_at: string | null } {
  if (BUILD_INFO_PATH && existsSync(BUILD_INFO_PATH))
    return JSON.parse(readFileSync(BUILD_INFO_PATH, 'utf8')) as ReturnType<typeof versionInfo>;
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { version: pkg.version, commit: null, built_at: null };
}

/**
 * `GET /healthz`: the process is alive (a load balancer restarts it otherwise).
 * `GET /readyz`: it can serve: 200 when every check passes, 503 naming the failing ones.
 * `GET /version`: the running build.
 */
export async function healthRoutes(app: FastifyInstance, context: ServiceContext): Promise<void> {
  const version = { ...versionInfo(), node: process.version, engine: context.store.engine };
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    const checks = await readiness(context);
    const ok = Object.values(checks).every((check) => check.ok);
    return reply.code(ok ? 200 : 503).send({ ok, checks });
  });
  app.get('/version', async () => version);
}
