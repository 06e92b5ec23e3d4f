import * as z from 'zod/mini';
import { appearanceSchema } from './appearance';
import { hostConnectFields } from './handshake';

// Not re-exported by the `protocol` index, which the widget's entry imports: top-level zod
// calls are not tree-shaken, and the widget checks the appearance in a chunk of its own
// (`hostConnectOnArrivalSchema` in handshake.ts). Import it from here.

/**
 * The SDK's answer, posted to the iframe at the authorized_url's origin with one
 * `MessagePort` transferred. It carries the mount options, so the widget needs no RPC
 * surface of its own: after this, all traffic is widget → host calls on the port.
 */
export const hostConnectSchema = z.strictObject({
  ...hostConnectFields,
  appearance: z.optional(appearanceSchema),
});

/** See {@link hostConnectSchema}. */
export type HostConnect = z.infer<typeof hostConnectSchema>;
