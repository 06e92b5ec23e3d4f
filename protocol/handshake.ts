import * as z from 'zod/mini';
import { FUNDING_DESTINATIONS } from './constants';
import { envelopeShape } from './envelope';
import { appearanceSchema } from './appearance';

export { widgetHelloSchema, HANDSHAKE_TIMEOUT_MS, type WidgetHello } from './widgetHello';

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
