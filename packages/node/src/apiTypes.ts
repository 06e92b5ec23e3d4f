import type * as z from 'zod';
import type {
  createSessionRequestSchema,
  createSessionResponseDataSchema,
} from '../../../server/api/sessionApi/createSessionSchema';
import type { confirmResponseSchema } from '../../../protocol/widgetApi';
import type {
  listSessionsDataSchema,
  listSessionsQuerySchema,
  sessionDetailSchema,
  sessionSummarySchema,
} from '../../../server/api/sessionApi/opsSchemas';

// Types of the API as the service validates it: inferred from the service's own schemas, and
// printed expanded (no zod) into the package's declarations by packages/build.

/** Body of `sessions.create` (PRODUCT.md §1). */
export type CreateSessionParams = z.input<typeof createSessionRequestSchema>;
/** `data` of a 100 (new session) or 101 (idempotent replay, a new URL) response. */
export type CreateSessionData = z.output<typeof createSessionResponseDataSchema>;
type ListSessionsQuery = z.input<typeof listSessionsQuerySchema>;
/** Filters of `sessions.list`. `limit` is coerced from the query string, so it is typed as the number it is. */
export type ListSessionsParams = {
  [K in keyof ListSessionsQuery]?: K extends 'limit' ? number : ListSessionsQuery[K];
};
/** `data` of `sessions.list`: a page of sessions and the cursor of the next one. */
export type ListSessionsData = z.output<typeof listSessionsDataSchema>;
/** One session of a `sessions.list` page, as the iterator yields it. */
export type SessionSummary = z.output<typeof sessionSummarySchema>;
/** `data` of `sessions.get`: state, attempt counters, masked account, event timeline. */
export type SessionDetail = z.output<typeof sessionDetailSchema>;
/** The account fields of a `tokenframe.token_success` webhook: the token and the masked account. */
export type TokenizedAccount = z.output<typeof confirmResponseSchema>;
