/**
 * `@tokenframe/node`: the server side of a Tokenframe integration (PRODUCT.md §9). Creates
 * sessions with signed requests, reads and terminates them, verifies webhooks.
 */
export { Tokenframe } from './Tokenframe';
export type {
  ApiEnvelope,
  CreateSessionOptions,
  CreateSessionResponse,
  SessionList,
  TokenframeConfig,
} from './Tokenframe';
export type { AutoPagingList } from './autoPagination';
export { TokenframeApiError } from './TokenframeApiError';
export { sign, SIGNED_HEADERS, type SignInput, type SignedHeaders } from './sign';
export {
  constructEvent,
  TokenframeSignatureError,
  type ConstructEventOptions,
  type WebhookEvent,
  type WebhookPayload,
  type WebhookPayloadByTopic,
  type WebhookTopic,
} from './webhooks';
export type * from './webhookPayloads';
export type {
  CreateSessionData,
  CreateSessionParams,
  ListSessionsData,
  ListSessionsParams,
  SessionDetail,
  SessionSummary,
  TokenizedAccount,
} from './apiTypes';
