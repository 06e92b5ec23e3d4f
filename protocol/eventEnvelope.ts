import * as z from 'zod/mini';
import { EVENTS } from './constants';

// Kept apart from events.ts so the host SDK can import the envelope without bundling every
// payload schema (top-level zod calls are not tree-shaken): PRODUCT.md §4's size budget.

/**
 * A session id or tracer token: 1 to 100 characters (code points). Written as one check
 * function rather than `z.minLength` + `z.maxLength`: each zod check kind adds its class to
 * the host SDK (~0.4 KB for those two), while `.check(fn)` is part of every schema already.
 */
const identifier = z.string().check((ctx) => {
  if (!/^[\s\S]{1,100}$/u.test(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value });
});

/**
 * Fields every event payload carries. The SDK checks only this (plus `event_name`) to stay
 * small; the widget validates the full payload (events.ts) before it sends anything.
 */
export const eventCommonShape = {
  /** The session this event belongs to (`/session/<session_identifier>` of the URL). */
  session_identifier: identifier,
  /** Correlates the event with the service's logs and webhooks; quote it to support. */
  tracer_token: identifier,
};

/**
 * The envelope the host SDK validates on every event arriving over the port. `z.literal`
 * with the list rather than `z.enum`: the handshake needs literals anyway, so the SDK
 * bundles one schema kind instead of two (~0.2 KB).
 */
export const eventEnvelopeSchema = z.looseObject({
  event_name: z.literal(Object.values(EVENTS)),
  ...eventCommonShape,
});
