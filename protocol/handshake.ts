import * as z from 'zod/mini';
import { FUNDING_DESTINATIONS } from './constants';
import { envelopeShape } from './envelope';
import { appearanceSchema } from './appearance';

/**
 * The widget's first message, posted to `window.parent` at the session's host origin
 * (never `'*'`). The SDK accepts it only from its own iframe's window and the
 * authorized_url's exact origin.
 */
export const widgetHelloSchema = z.strictObject({
  ...envelopeShape,
  type: z.literal('widget_hello'),
  session_identifier: z.string().check(z.minLength(1), z.maxLength(100)),
});

/** See {@link widgetHelloSchema}. */
export type WidgetHello = z.infer<typeof widgetHelloSchema>;

/**
 * The SDK's answer, posted to the iframe at the authorized_url's origin with one
 * `MessagePort` transferred. It carries the mount options, so the widget needs no RPC
 * surface of its own: after this, all traffic is widget → host calls on the port.
 */
export const hostConnectSchema = z.strictObject({
  ...envelopeShape,
  type: z.literal('host_connect'),
  funding_destination: z.enum(Object.values(FUNDING_DESTINATIONS)),
  appearance: z.optional(appearanceSchema),
  debug: z.boolean(),
});

/** See {@link hostConnectSchema}. */
export type HostConnect = z.infer<typeof hostConnectSchema>;

/** How long the SDK waits for `widget_hello` and READY before it treats the load as failed. */
export const HANDSHAKE_TIMEOUT_MS = 10_000;
