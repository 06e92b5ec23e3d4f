import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { MIGRATIONS_DIR, REPO_ROOT, SERVICE_BUNDLE_DIR } from './paths';

/** What `GET /version` reports, written beside the bundle at build time. */
export interface BuildInfo {
  version: string;
  commit: string | null;
  built_at: string;
}

/**
 * Bundles the service into `dist/server/main.js` for `node` alone: every package of
 * `dependencies` stays an import (installed by `npm ci --omit=dev`), the repository's own
 * modules (server, protocol, locales) are inlined, and the SQL migrations are copied beside
 * the bundle. Dev tools (tsx, vite) are not needed to run it.
 */
export async function buildService(outDir = SERVICE_BUNDLE_DIR): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(REPO_ROOT, 'server', 'main.ts')],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    define: { __TOKENFRAME_BUNDLE__: 'true' },
    logLevel: 'warning',
  });
  cpSync(MIGRATIONS_DIR, join(outDir, 'migrations'), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const info: BuildInfo = {
    version: pkg.version,
    commit: gitCommit(),
    built_at: new Date().toISOString(),
  };
  writeFileSync(join(outDir, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

if (process.argv[1] && /buildService\.ts$/.test(process.argv[1])) await buildService();
