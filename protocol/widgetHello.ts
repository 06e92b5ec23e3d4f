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

/** How long the SDK waits for `widget_hello` and READY before it treats the load as failed. */
export const HANDSHAKE_TIMEOUT_MS = 10_000;
