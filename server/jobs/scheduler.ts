import type { Logger } from 'pino';
import { loggableError } from '../http/loggableError';

/** A named background job: one pass does a bounded amount of work. */
export interface Job {
  name: string;
  /** Pause between passes when the last one found nothing to do (ms). */
  idleMs: number;
  /** One pass; resolves with how much it did (a busy job runs again at once). */
  runOnce(): Promise<number>;
}

/** The running jobs of one service instance. */
export interface Scheduler {
  /** Runs one pass of the named job now (tests; passes of one job never overlap). */
  run(name: string): Promise<number>;
  /** Stops every job and waits for the passes in flight. */
  stop(): Promise<void>;
}

/**
 * Runs each job in its own loop: a pass, then at once again when it did work or after its
 * `idleMs` when it did none. A failed pass is logged and retried after the pause, so one bad
 * pass never stops a job (PRODUCT.md §7: a restart or a hiccup loses no webhook).
 */
export function startScheduler(
  jobs: readonly Job[],
  log?: Pick<Logger, 'error'>,
  options: { autoStart?: boolean } = {},
): Scheduler {
  let stopped = false;
  const loops = jobs.map((job) => {
    let timer: NodeJS.Timeout | undefined;
    let inFlight: Promise<number> = Promise.resolve(0);
    const pass = (): Promise<number> =>
      (inFlight = inFlight.then(() =>
        job.runOnce().catch((error: unknown) => {
          if (!stopped) log?.error({ err: loggableError(error), job: job.name }, 'job pass failed');
          return 0;
        }),
      ));
    const loop = () => {
      if (stopped) return;
      void pass().then((count) => {
        if (!stopped) timer = setTimeout(loop, count > 0 ? 0 : job.idleMs);
      });
    };
    if (options.autoStart !== false) timer = setTimeout(loop, 0);
    return {
      job,
      pass,
      stop: async () => {
        clearTimeout(timer);
        await inFlight;
      },
    };
  });
  return {
    run: (name) => {
      const found = loops.find((l) => l.job.name === name);
      if (!found) throw new Error(`no job named ${name}`);
      return found.pass();
    },
    stop: async () => {
      stopped = true;
      await Promise.all(loops.map((l) => l.stop()));
    },
  };
}
