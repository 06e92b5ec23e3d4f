import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs `demo/start.ts` under the tsx loader (what `npm start` runs after the build) as a
 * child process on free ports with a fresh data folder, so the suites pass while a real
 * `npm start` holds 8080 and 3000.
 */

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The line `npm start` prints when both servers are up. */
export const READY_LINE =
  /Tokenframe demo: open (http:\/\/localhost:\d+) \(service on (http:\/\/localhost:\d+)\)/;

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** A running demo process. */
export interface DemoProcess {
  demoUrl: string;
  serviceUrl: string;
  dataDir: string;
  /** Everything the process printed so far (stdout and stderr). */
  logs(): string;
  /** Sends `signal`, waits for the exit and returns its code; removes the data folder. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the demo and resolves once the ready line is printed. */
export async function startDemoProcess(
  extraEnv: Record<string, string> = {},
): Promise<DemoProcess> {
  const [servicePort, demoPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'tokenframe-demo-'));
  const child: ChildProcess = spawn(
    process.execPath,
    // tsx as a loader in this very process, not its CLI: the CLI relays SIGTERM to a child
    // and, when the child does not acknowledge within 30 ms (a busy machine), SIGKILLs it and
    // exits 143, which would hide the graceful shutdown this suite checks.
    ['--import', 'tsx', join(REPO_ROOT, 'demo', 'start.ts')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(servicePort),
        DEMO_PORT: String(demoPort),
        TOKENFRAME_DATA_DIR: dataDir,
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => resolveExit(code)),
  );
  const ready = new Promise<RegExpMatchArray>((resolveReady, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.TOKENFRAME_E2E_VERBOSE === '1') process.stdout.write(`[demo] ${chunk}`);
      const match = READY_LINE.exec(output);
      if (match) resolveReady(match);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`demo exited with ${code} before ready:\n${output}`)),
    );
    setTimeout(() => reject(new Error(`demo not ready after 60 s:\n${output}`)), 60_000).unref();
  });
  let match: RegExpMatchArray;
  try {
    match = await ready;
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  let stopped: Promise<number | null> | undefined;
  return {
    demoUrl: match[1]!,
    serviceUrl: match[2]!,
    dataDir,
    logs: () => output,
    stop: (signal = 'SIGTERM') =>
      (stopped ??= (async () => {
        if (child.exitCode === null) child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        const code = await exited;
        clearTimeout(timer);
        rmSync(dataDir, { recursive: true, force: true });
        return code;
      })()),
  };
}
