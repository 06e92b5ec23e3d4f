import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config';

/** Where `npm run pack` writes the tarballs. */
export const TARBALLS = join(REPO_ROOT, 'dist/packages');

/** The version of a dependency installed in the repo, so a consumer gets it from the npm cache. */
export const repoVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/** Runs `npm run pack` in the repo (needs `npm run build` done), unless nothing changed. */
export function packPackages(): void {
  try {
    execFileSync('npm', ['run', '--silent', 'pack', '--', '--if-changed'], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
    });
  } catch (error) {
    // The pack's own message (a missing build, a field without JSDoc) is the useful part.
    throw new Error(`npm run pack failed:\n${String((error as { stderr?: Buffer }).stderr)}`);
  }
}

/**
 * A fresh project in the temp folder (no node_modules above it, so nothing of the repo leaks
 * in) holding the fixture folder's files, with the given tarballs and registry packages
 * installed. Registry packages come from the npm cache when they are there (`--prefer-offline`).
 * `moduleType` is the project's `"type"`: `commonjs` for a backend that require()s.
 */
export function createConsumerProject(
  fixture: string | null,
  tarballs: string[],
  registryPackages: string[],
  moduleType: 'module' | 'commonjs' = 'module',
): string {
  const dir = mkdtempSync(join(tmpdir(), 'tokenframe-consumer-'));
  if (fixture) cpSync(fixture, dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: moduleType }),
  );
  const files = readdirSync(TARBALLS);
  const paths = tarballs.map((name) => {
    const file = files.find((candidate) => candidate.startsWith(`tokenframe-${name}-`));
    if (!file) throw new Error(`no tarball for @tokenframe/${name} in ${TARBALLS}`);
    return join(TARBALLS, file);
  });
  execFileSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
      ...paths,
      ...registryPackages.map((name) => `${name}@${repoVersion(name)}`),
    ],
    { cwd: dir, stdio: 'pipe' },
  );
  return dir;
}

/** Runs the repo's TypeScript compiler on a consumer project; returns its output. */
export function typecheck(dir: string): { ok: boolean; output: string } {
  try {
    const output = execFileSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir],
      { cwd: dir, encoding: 'utf8', stdio: 'pipe' },
    );
    return { ok: true, output };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
