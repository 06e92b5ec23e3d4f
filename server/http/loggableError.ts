/** What an error log line may say about an error. */
export interface LoggableError {
  name: string;
  code?: string;
  /** The stack frames alone: the first line of a stack repeats the message. */
  frames?: string[];
}

/**
 * The parts of an error that are safe to log (PRODUCT.md §10: logs never carry request
 * values). A database driver's message, `detail`, `where`, `query` and `params` can quote
 * the recipient's name, address or email and an account number, so only the error's class,
 * its code (a SQLSTATE such as `23505`, or Fastify's `FST_…`) and its stack frames are kept.
 */
export function loggableError(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { name: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim())
    .slice(0, 12);
  return {
    name: error.name,
    ...(typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? { code } : {}),
    ...(frames.length > 0 ? { frames } : {}),
  };
}
