import * as z from 'zod/mini';
import type { WidgetEvent } from './events';

// The bounds live in constants.ts so the SDK can use them without bundling this file's schema.
export { MIN_FRAME_HEIGHT, MAX_FRAME_HEIGHT } from './constants';

/** Argument of {@link HostApi.resize}: the widget document's content height in CSS px. */
export const resizeArgumentSchema = z.int().check(z.minimum(0), z.maximum(100_000));

/**
 * What the host SDK exposes on the port with comlink; the widget is the only caller. Each
 * argument is validated by the SDK on arrival (the event by its envelope, see
 * `eventEnvelopeSchema`) and by the widget before it calls.
 */
export interface HostApi {
  /** Delivers one flow event to the merchant's listeners. */
  emit(event: WidgetEvent): void;
  /** Reports the content height so the SDK can size the iframe (autoHeight). */
  resize(height: z.infer<typeof resizeArgumentSchema>): void;
}
