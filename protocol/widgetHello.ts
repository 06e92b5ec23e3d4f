import * as z from 'zod/mini';
import { envelopeShape } from './envelope';
import { eventCommonShape } from './eventEnvelope';

// Kept apart from handshake.ts so the host SDK, which only checks hellos, does not bundle
// host_connect's schema (top-level zod calls are not tree-shaken): PRODUCT.md §4's budget.

/**
 * The widget's first message, posted to `window.parent` at the session's host origin
 * (never `'*'`). The SDK accepts it only from its own iframe's window and the
 * authorized_url's exact origin.
 */
export const widgetHelloSchema = z.strictObject({
  ...envelopeShape,
  type: z.literal('widget_hello'),
  /** 1 to 100 characters, the same rule as every event's `session_identifier`. */
  session_identifier: eventCommonShape.session_identifier,
});

/** See {@link widgetHelloSchema}. */
export type WidgetHello = z.infer<typeof widgetHelloSchema>;

/**
 * How long the SDK waits for `widget_hello` and READY before it re-requests with reason
 * `handshake_timeout` (a frame that is still loading, or a widget that said hello but never
 * became ready).
 */
export const HANDSHAKE_TIMEOUT_MS = 10_000;

/**
 * The widget posts `widget_hello` while its document loads (from the document's inline
 * script, or else from the chunk the entry module loads first), so before its frame's `load`
 * event. A frame that fired `load` and still has not said hello after this long holds no
 * widget: the browser refused to frame it (the widget document's `frame-ancestors`, the
 * merchant page's own `frame-src`, X-Frame-Options) or put an error page there (network
 * error), and the SDK re-requests with reason `load_failed` (PRODUCT.md §3). Browsers fire
 * `load` for such frames on purpose, and tell the embedding page nothing else about
 * `frame-ancestors`. The grace is generous because Chromium may deliver the frame's `load` to
 * the parent a few ms before the hello that preceded it; a busy phone stretches that, never
 * to seconds.
 */
export const LOAD_TO_HELLO_GRACE_MS = 3_000;
