import { eventCommonShape } from '../protocol';

/** The meta tag the service puts in the widget document with the session's tracer token. */
const TRACER_META = 'meta[name="tokenframe-tracer-token"]';

/**
 * The tracer token for events sent before (or without) a successful exchange, such as
 * SESSION_ERROR when the URL is expired: the session's own token from the document's
 * `<meta name="tokenframe-tracer-token">`, so support can follow the failure in the service's
 * logs. A random one only when the tag is missing or holds something an event could not
 * carry (the bridge drops events that fail the schema, and the host would hear nothing).
 * Once the exchange answers, the emitter uses `session.tracer_token` instead.
 */
export function fallbackTracerToken(doc: Document = document): string {
  const fromService = doc.querySelector<HTMLMetaElement>(TRACER_META)?.content.trim() ?? '';
  if (eventCommonShape.tracer_token.safeParse(fromService).success) return fromService;
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `trc_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
