import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear. Fastify's request serializer below never logs
 * headers or bodies, so these are a second line of defence for anything logged by hand.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["content-sha512"]',
  'req.body',
  'res.body',
  'body',
  'headers.authorization',
  '*.authorization',
  '*.signature',
  '*.secret',
  '*.access_token',
  '*.accessToken',
  '*.card_number',
  '*.account_number',
  '*.routing_number',
  '*.authorized_url',
];

/** How the app logs: off, or pino JSON at a level to a stream (stdout by default). */
export type LoggerOption = boolean | { level?: string; stream?: DestinationStream };

/** Builds the service's pino logger (the level comes from `config.logLevel`, `LOG_LEVEL`). */
export function createLogger(option: LoggerOption | undefined): Logger {
  const settings = typeof option === 'object' ? option : {};
  return pino(
    {
      level: option === false ? 'silent' : (settings.level ?? 'info'),
      base: { service: 'tokenframe' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        // The query string is dropped: an authorized_url's `h` and `t` are in it.
        req: (req: { method: string; url: string; id?: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    settings.stream ?? pino.destination({ dest: 1, sync: false }),
  );
}
