import type { EnvConfig } from '../config';

/**
 * A mistake in how the service was started (unreachable database, unusable data folder, port
 * taken). `main` prints each problem as one line and exits with code 2, like a config error.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** One line naming the store that could not be opened, without the database password. */
export function storeFailure(config: Pick<EnvConfig, 'databaseUrl' | 'dataDir'>, error: unknown) {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  const message = (error as Error).message;
  const detail = message && message !== reason ? `${reason}: ${message}` : reason;
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
    return new StartupError([`DATABASE_URL: cannot use the database at ${where} (${detail})`]);
  }
  return new StartupError([
    `TOKENFRAME_DATA_DIR: cannot open the embedded store in ${config.dataDir} (${detail})`,
  ]);
}

/** One line for a port the server cannot listen on. */
export function listenFailure(host: string, port: number, error: unknown): StartupError | unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new StartupError([`PORT: ${port} on ${host} is already in use by another process`]);
  if (code === 'EACCES')
    return new StartupError([`PORT: not allowed to listen on ${host}:${port} (EACCES)`]);
  if (code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL')
    return new StartupError([`HOST: "${host}" is not an address of this machine (${code})`]);
  return error;
}
