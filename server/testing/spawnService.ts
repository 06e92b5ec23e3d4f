import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../config';
import { freePort } from './freePort';

// Starting tsx, PGlite and the migrations takes a few seconds alone and far longer on a busy
// 2-core CI machine; the wait ends as soon as the service says it is listening.
const START_TIMEOUT_MS = 90_000;

/** A service running as a child process. */
export interface SpawnedService {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  logs(): string;
  /** Sends `signal` (default SIGTERM) and resolves when the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** The child, for tests that need its exit code. */
  process: ChildProcess;
}

/** Options of {@link spawnService}. */
export interface SpawnOptions {
  /** Extra environment (merged over a minimal one; PORT and TOKENFRAME_DATA_DIR are set here). */
  env?: Record<string, string | undefined>;
  /** Reuse a data folder (restart tests); a fresh temp folder otherwise. */
  dataDir?: string;
  /** Fixed port (restart on the same URL); a free one otherwise. */
  port?: number;
  /** How long to wait for the listening line. */
  timeoutMs?: number;
}

/**
 * Starts `server/main.ts` (through tsx) on a free port with its own data folder and waits until it
 * logs that it is listening. Used by the service's crash tests and by the e2e suites.
 */
export async function spawnService(options: SpawnOptions = {}): Promise<SpawnedService> {
  const port = options.port ?? (await freePort());
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tokenframe-'));
  // `node --import tsx` (not the tsx CLI, which forks a grandchild): the pid we signal is the
  // service itself, so SIGKILL really kills it.
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/main.ts')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'warn',
      ...options.env,
      PORT: String(port),
      TOKENFRAME_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      child.kill('SIGKILL');
      reject(
        new Error(
          `service did not start within ${options.timeoutMs ?? START_TIMEOUT_MS} ms:\n${output}`,
        ),
      );
    }, options.timeoutMs ?? START_TIMEOUT_MS);
    const onData = () => {
      if (output.includes('Tokenframe service listening on')) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`service exited with ${code} before listening:\n${output}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
    onData();
  });

  return {
    url: `http://localhost:${port}`,
    port,
    dataDir,
    process: child,
    logs: () => output,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      if (ownsDataDir && signal !== 'SIGKILL') rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
