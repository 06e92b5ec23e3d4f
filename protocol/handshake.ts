import * as z from 'zod/mini';
import { FUNDING_DESTINATIONS } from './constants';
import { envelopeShape } from './envelope';

export { widgetHelloSchema, HANDSHAKE_TIMEOUT_MS, type WidgetHello } from './widgetHello';

/** `host_connect`'s fields apart from `appearance` (the whole message: `hostConnect.ts`). */
export const hostConnectFields = {
  ...envelopeShape,
  type: z.literal('host_connect'),
  funding_destination: z.enum(Object.values(FUNDING_DESTINATIONS)),
  debug: z.boolean(),
};

/**
 * `host_connect` as the widget checks it on arrival: every field, with `appearance` passed on
 * as it came. The widget checks the appearance value by value where it applies it
 * (`applyAppearance`, a chunk fetched only when there is one) and drops only what fails
 * (PRODUCT.md §3), so checking the whole appearance here as well would only put its patterns
 * into every boot.
 */
export const hostConnectOnArrivalSchema = z.strictObject({
  ...hostConnectFields,
  appearance: z.optional(z.unknown()),
});
