import type * as z from 'zod';
import type {
  createSessionRequestSchema,
  createSessionResponseDataSchema,
} from '../../../server/sessions/createSessionSchema';
import type {
  listSessionsDataSchema,
  listSessionsQuerySchema,
  sessionDetailSchema,
} from '../../../server/sessionApi/opsSchemas';
/** Body of `sessions.create` (PRODUCT.md §1). */
export type CreateSessionParams = z.input<typeof createSessionRequestSchema>;
/** `data` of a 100 (new session) or 101 (idempotent replay, a new URL) response. */
export type CreateSessionData = z.output<typeof createSessionResponseDataSchema>;
/** Filters of `sessions.list`. */
export type ListSessionsParams = Partial<z.input<typeof listSessionsQuerySchema>>;
/** `data` of `sessions.list`: a page of sessions and the cursor of the next one. */
export type ListSessionsData = z.output<typeof listSessionsDataSchema>;
/** `data` of `sessions.get`: state, attempt counters, masked account, event timeline. */
export type SessionDetail = z.output<typeof sessionDetailSchema>;
