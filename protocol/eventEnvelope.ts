import * as z from 'zod/mini';
import { EVENTS } from './constants';

// Kept apart from events.ts so the host SDK can import the envelope without bundling every
// payload schema (top-level zod calls are not tree-shaken): PRODUCT.md §4's size budget.

const identifier = z.string().check(z.minLength(1), z.maxLength(100));

/**
 * Fields every event payload carries. The SDK checks only this (plus `event_name`) to stay
 * small; the widget validates the full payload (events.ts) before it sends anything.
 */
export const eventCommonShape = {
  session_identifier: identifier,
  tracer_token: identifier,
};

/** The envelope the host SDK validates on every event arriving over the port. */
export const eventEnvelopeSchema = z.looseObject({
  event_name: z.enum(Object.values(EVENTS)),
  ...eventCommonShape,
});
