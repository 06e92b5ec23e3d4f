import * as z from 'zod';
import { maskedAccountSchema } from '../../../protocol/account';
import { SESSION_STATES, type SessionState } from '../../domain/sessions/state';

/** The instants both stores and JavaScript agree on; PostgreSQL has no year 0. */
export const EARLIEST_INSTANT_MS = Date.parse('0001-01-01T00:00:00Z');
export const LATEST_INSTANT_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** Whether `ms` lies in {@link EARLIEST_INSTANT_MS}…{@link LATEST_INSTANT_MS}. */
export function isStorableInstant(ms: number): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_INSTANT_MS && ms <= LATEST_INSTANT_MS;
}

/** An ISO 8601 date-time with offset whose instant is between years 0001 and 9999 UTC. */
const instant = z.iso
  .datetime({ offset: true })
  .refine((value) => isStorableInstant(Date.parse(value)), {
    message: 'must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z',
  });

/** Query of `GET /api/v1/sessions`. Unknown parameters are errors, like unknown body fields. */
export const listSessionsQuerySchema = z.strictObject({
  status: z.enum(SESSION_STATES).optional(),
  participant_unique_id1: z.string().max(100).optional(),
  participant_unique_id2: z.string().max(100).optional(),
  created_from: instant.optional(),
  created_to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  include_summary: z.enum(['true', 'false']).optional(),
});

/** One session in a listing. */
export const sessionSummarySchema = z.strictObject({
  session_identifier: z.string(),
  state: z.enum(SESSION_STATES),
  participant_unique_id1: z.string(),
  participant_unique_id2: z.string(),
  host_origin: z.string(),
  language_locale_code: z.string(),
  tracer_token: z.string(),
  attempts_used: z.int(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** `data` of `GET /api/v1/sessions`. */
export const listSessionsDataSchema = z.strictObject({
  sessions: z.array(sessionSummarySchema),
  next_cursor: z.string().nullable(),
  /** Sessions per state (every state listed) with include_summary=true. */
  summary: z
    .strictObject(
      Object.fromEntries(SESSION_STATES.map((state) => [state, z.int()])) as Record<
        SessionState,
        z.ZodInt
      >,
    )
    .optional(),
});

/** `data` of `GET /api/v1/sessions/{id}`. */
export const sessionDetailSchema = z.strictObject({
  ...sessionSummarySchema.shape,
  attempts: z.strictObject({
    session_used: z.int(),
    session_limit: z.int(),
    per_feature_per_mount: z.int(),
    mounts: z.array(
      z.strictObject({
        mount_id: z.string(),
        created_at: z.string(),
        funding_destination: z.string().nullable(),
        recipient_verification_failures: z.int(),
        account_verification_failures: z.int(),
      }),
    ),
  }),
  account: z.nullable(maskedAccountSchema),
  events: z.array(
    z.strictObject({
      id: z.string(),
      at: z.string(),
      event_name: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});

/** The envelope every Session/ops API response has, around a given `data` schema. */
export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.strictObject({
    status: z.int(),
    client_message: z.string(),
    developer_message: z.string().optional(),
    data,
    time: z.number(),
  });
}

/** One webhook delivery in the ops API's delivery log (PRODUCT.md §7). */
export const webhookDeliverySchema = z.strictObject({
  event_id: z.string(),
  session_identifier: z.string(),
  topic: z.string(),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.int(),
  last_status: z.int().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  next_attempt_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  failed_at: z.string().nullable(),
});

/** `data` of `GET /api/v1/sessions/{id}/webhooks`. */
export const webhookDeliveriesDataSchema = z.strictObject({
  deliveries: z.array(webhookDeliverySchema),
});
