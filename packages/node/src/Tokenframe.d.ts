import type {
  CreateSessionData,
  CreateSessionParams,
  ListSessionsData,
  ListSessionsParams,
  SessionDetail,
} from './apiTypes';
import { constructEvent } from './webhooks';
/** Settings of a {@link Tokenframe} client. */
export interface TokenframeConfig {
  /** The service's origin, e.g. `https://tokenframe.example.com` (`http://localhost:8080` locally). */
  baseUrl: string;
  /** The program's username (sandbox: `demo`). */
  username: string;
  /** The program's HMAC secret (sandbox: `demo-secret`). Server-side only. */
  secret: string;
  /** Retries after a network failure, 429 or 5xx, with the same Idempotency-Key. Default: 2. */
  maxNetworkRetries?: number;
  /** Per-attempt timeout in ms. Default: 10000. */
  timeoutMs?: number;
}
/** The API's response envelope (PRODUCT.md §1). */
export interface ApiEnvelope<Status extends number, Data> {
  /** `100` new session, `101` idempotent replay (same session, a new URL); 0 never appears. */
  status: Status;
  /** A human-readable message. */
  client_message: string;
  /** A machine-readable hint, when there is one. */
  developer_message?: string;
  /** The response data. */
  data: Data;
  /** Server time spent, in seconds. */
  time: number;
}
/** What `sessions.create` resolves with: `status` 100 (new) or 101 (replay of the key). */
export type CreateSessionResponse = ApiEnvelope<100 | 101, CreateSessionData>;
/** Options of one `sessions.create` call. */
export interface CreateSessionOptions {
  /**
   * 1–250 visible ASCII characters, scoped to the participant: the same key with the same
   * parameters within 2 hours returns the same session (101) with a fresh URL. Default: a
   * random key for this call, so its own network retries still create one session at most.
   */
  idempotencyKey?: string;
}
/**
 * Server-side client of the Tokenframe Session Management and ops APIs. Zero dependencies:
 * Node's `fetch` and `crypto` only.
 * @example
 * const tokenframe = new Tokenframe({ baseUrl, username: 'demo', secret: 'demo-secret' });
 * const { data } = await tokenframe.sessions.create(params, { idempotencyKey: `payout-${userId}` });
 */
export declare class Tokenframe {
  #private;
  /** Session Management and ops API calls. */
  readonly sessions: {
    /** Creates a session, or replays the key's session with a new URL (PRODUCT.md §1). */
    create(
      params: CreateSessionParams,
      options?: CreateSessionOptions,
    ): Promise<CreateSessionResponse>;
    /** Lists sessions, newest first, with cursor pagination. */
    list(params?: ListSessionsParams): Promise<ApiEnvelope<number, ListSessionsData>>;
    /** One session: state, attempt counters, masked account, event timeline. */
    get(sessionIdentifier: string): Promise<ApiEnvelope<number, SessionDetail>>;
    /** Ends a session for good (state `terminated`). */
    terminate(sessionIdentifier: string): Promise<ApiEnvelope<number, unknown>>;
  };
  /** Webhook verification; secrets are passed per call (two during a rotation). */
  readonly webhooks: {
    constructEvent: typeof constructEvent;
  };
  constructor(config: TokenframeConfig);
  /**
   * Sends one signed request; retries network failures, 429 and 5xx (none of which stores the
   * idempotency key) with the same key, so retries never create a second session.
   */
  private request;
}
