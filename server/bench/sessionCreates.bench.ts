/**
 * `npm run bench:service`: session creates per second and p50/p99 latency, measured honestly.
 * - The service runs in its own process exactly as in production (`node dist/server/main.js`,
 *   JSON logging at `info` to a file, every background job on).
 * - The load comes from a separate process that signs every request before the timed run.
 * - Two baselines run in the same session, each in its own process: bare `node:http`, and a
 *   bare Fastify route doing the same HMAC check plus one INSERT on the same engine.
 * - 16 and 50 concurrent clients; each measurement is repeated (BENCH_REPEATS, default 3) with
 *   the targets in rotated order, and the median run is reported.
 * PGlite always; PostgreSQL too when TOKENFRAME_TEST_DATABASE_URL or DATABASE_URL is set.
 * BENCH_ENGINES (`pglite,postgres` by default) picks the engines, BENCH_TARGETS (default
 * `tokenframe,warn,before,fastify,http`) the targets, to iterate on one of them faster; a
 * ratio needs `fastify` and `http` in the same run.
 * Not part of `npm test`: the numbers depend on the machine, and on what else it runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../runtime/paths';
import type { LoadResult } from './loadGenerator';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '16,50').split(',').map(Number);
const SERVICE_ENTRY = process.env.BENCH_SERVICE_ENTRY ?? join(REPO_ROOT, 'dist/server/main.js');
/** Another tree's service (its `dist/server/main.js`), measured in the same run as a "before". */
const BEFORE_ENTRY = process.env.BENCH_BEFORE_ENTRY;
const ENGINES = new Set((process.env.BENCH_ENGINES ?? 'pglite,postgres').split(','));
const TARGETS = new Set(
  (process.env.BENCH_TARGETS ?? 'tokenframe,warn,before,fastify,http').split(','),
);
const TSX = ['--import', 'tsx'];

interface Target {
  name: string;
  url: string;
  child: ChildProcess;
}

const FASTIFY = 'Fastify + HMAC + INSERT';
const HTTP = 'bare node:http';
const children: ChildProcess[] = [];
const scratch: string[] = [];

/** Polls `GET /healthz` until the process on `port` answers. */
async function healthy(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts a process and resolves with its port once it says so. */
function startProcess(
  args: string[],
  env: Record<string, string | undefined>,
  ready: RegExp,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let seen = '';
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = ready.exec(seen);
      if (match) resolve({ child, port: Number(match[1]) });
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}:\n${seen}`)));
  });
}

async function freePortFor(): Promise<number> {
  const { freePort } = await import('../testing/freePort');
  return freePort();
}

async function startTargets(databaseUrl?: string): Promise<Target[]> {
  const dataDir = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `tokenframe-bench-${name}-`));
    scratch.push(dir);
    return dir;
  };
  const targets: Target[] = [];
  const services = (
    [
      ['tokenframe', 'tokenframe', 'info', SERVICE_ENTRY],
      ['warn', 'tokenframe (LOG_LEVEL=warn)', 'warn', SERVICE_ENTRY],
      ['before', 'tokenframe before', 'info', BEFORE_ENTRY],
    ] as const
  )
    .filter(([key, , , entry]) => TARGETS.has(key) && entry !== undefined)
    .map(([, name, level, entry]) => [name, level, entry!] as const);
  for (const [name, level, main] of services) {
    const port = await freePortFor();
    const log = join(dataDir('log'), 'service.log');
    const entry = main.endsWith('.ts') ? [...TSX, main] : [main];
    const child = spawn(process.execPath, entry, {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: level,
        TOKENFRAME_DATA_DIR: dataDir('service'),
        DATABASE_URL: databaseUrl,
        TOKENFRAME_VAULT_KEY: Buffer.alloc(32, 1).toString('base64'),
      },
      // JSON lines to a file, as a production log collector would read them.
      stdio: ['ignore', openSync(log, 'a'), 'inherit'],
    });
    children.push(child);
    await healthy(port, child);
    targets.push({ name, url: `http://127.0.0.1:${port}`, child });
  }
  if (TARGETS.has('fastify')) {
    const fastify = await startProcess(
      [...TSX, join(REPO_ROOT, 'server/bench/baselineServers.ts')],
      { BENCH_BASELINE: 'fastify', BENCH_DATA_DIR: dataDir('fastify'), DATABASE_URL: databaseUrl },
      /listening (\d+)/,
    );
    targets.push({ name: FASTIFY, url: `http://127.0.0.1:${fastify.port}`, child: fastify.child });
  }
  if (TARGETS.has('http')) {
    const http = await startProcess(
      [...TSX, join(REPO_ROOT, 'server/bench/baselineServers.ts')],
      { BENCH_BASELINE: 'http' },
      /listening (\d+)/,
    );
    targets.push({ name: HTTP, url: `http://127.0.0.1:${http.port}`, child: http.child });
  }
  return targets;
}

/** One load run from a separate client process. */
async function load(url: string, concurrency: number, run: string): Promise<LoadResult> {
  const child = spawn(process.execPath, [...TSX, join(REPO_ROOT, 'server/bench/loadClient.ts')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      BENCH_URL: url,
      BENCH_CONCURRENCY: String(concurrency),
      BENCH_DURATION_MS: String(DURATION_MS),
      BENCH_RUN: run,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`load client exited ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!) as LoadResult;
}

const median = (runs: LoadResult[]): LoadResult =>
  [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)]!;

async function measure(engine: string, databaseUrl?: string): Promise<void> {
  const targets = await startTargets(databaseUrl);
  for (const concurrency of CONCURRENCY) {
    const runs = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      // Rotated order: no target always runs first (cold) or last (after the others' garbage).
      const order = targets.map((_, i) => targets[(i + repeat) % targets.length]!);
      for (const target of order)
        runs
          .get(target.name)!
          .push(await load(target.url, concurrency, `${engine}-${concurrency}-${repeat}`));
    }
    const fastify = runs.has(FASTIFY) ? median(runs.get(FASTIFY)!) : undefined;
    const http = runs.has(HTTP) ? median(runs.get(HTTP)!) : undefined;
    const ratio = (r: LoadResult, base: LoadResult | undefined) =>
      base ? `${((100 * r.perSecond) / base.perSecond).toFixed(0).padStart(8)}%` : '       -';
    console.log(
      `\n${engine}, ${concurrency} concurrent clients, median of ${REPEATS} × ${DURATION_MS} ms`,
    );
    console.log(
      '  target                        creates/s   p50 ms   p99 ms  failed  vs Fastify+INSERT  vs node:http',
    );
    for (const target of targets) {
      const r = median(runs.get(target.name)!);
      console.log(
        `  ${target.name.padEnd(28)} ${r.perSecond.toFixed(0).padStart(10)} ${r.p50Ms.toFixed(1).padStart(8)} ${r.p99Ms.toFixed(1).padStart(8)} ${String(r.failures).padStart(7)}` +
          `  ${ratio(r, fastify)} p99×${fastify ? (r.p99Ms / fastify.p99Ms).toFixed(1) : '-'}` +
          `  ${ratio(r, http)}`,
      );
    }
  }
  for (const target of targets) {
    target.child.kill('SIGTERM');
    await new Promise((resolve) => target.child.once('exit', resolve));
  }
}

if (!SERVICE_ENTRY.endsWith('.ts') && !existsSync(SERVICE_ENTRY)) {
  console.error(`${SERVICE_ENTRY} is missing: run \`npm run build\` first.`);
  process.exit(2);
}
console.log(
  `bench:service — load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (a shared or busy machine skews every figure; compare ratios within one run)`,
);
try {
  if (ENGINES.has('pglite')) await measure('PGlite (embedded)');
  const databaseUrl = process.env.TOKENFRAME_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (databaseUrl && ENGINES.has('postgres')) await measure('PostgreSQL', databaseUrl);
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}
