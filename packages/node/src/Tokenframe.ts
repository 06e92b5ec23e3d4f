import { randomUUID } from 'node:crypto';
import type {
  CreateSessionData,
  CreateSessionParams,
  ListSessionsData,
  ListSessionsParams,
  SessionDetail,
  SessionSummary,
} from './apiTypes';
import { autoPagingList, type AutoPagingList } from './autoPagination';
import { sign } from './sign';
import { TokenframeApiError } from './TokenframeApiError';
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

/**
 * What `sessions.list` returns: a promise of one page that also iterates over every session
 * of every page (`for await`, `autoPagingEach`, `autoPagingToArray`).
 */
export type SessionList = AutoPagingList<ApiEnvelope<number, ListSessionsData>, SessionSummary>;

/** Options of one `sessions.create` call. */
export interface CreateSessionOptions {
  /**
   * 1–250 visible ASCII characters, scoped to the participant: the same key with the same
   * parameters within 2 hours returns the same session (101) with a fresh URL. Default: a
   * random key for this call, so its own network retries still create one session at most.
   */
  idempotencyKey?: string;
}

const CREATE_PATH = '/api/v1/sessions/point-in-time/plugin';

/**
 * Server-side client of the Tokenframe Session Management and ops APIs. Zero dependencies:
 * Node's `fetch` and `crypto` only.
 * @example
 * const tokenframe = new Tokenframe({ baseUrl, username: 'demo', secret: 'demo-secret' });
 * const { data } = await tokenframe.sessions.create(params, { idempotencyKey: `payout-${userId}` });
 */
export class Tokenframe {
  /** Session Management and ops API calls. */
  readonly sessions: {
    /** Creates a session, or replays the key's session with a new URL (PRODUCT.md §1). */
    create(
      params: CreateSessionParams,
      options?: CreateSessionOptions,
    ): Promise<CreateSessionResponse>;
    /**
     * Lists sessions, newest first: `await` it for one page (`data.next_cursor` leads to the
     * next), or iterate over every session of every page.
     * @example
     * for await (const session of tokenframe.sessions.list({ status: 'completed', limit: 100 })) {
     *   console.log(session.session_identifier);
     * }
     */
    list(params?: ListSessionsParams): SessionList;
    /** One session: state, attempt counters, masked account, event timeline. */
    get(sessionIdentifier: string): Promise<ApiEnvelope<number, SessionDetail>>;
    /** Ends a session for good (state `terminated`). */
    terminate(sessionIdentifier: string): Promise<ApiEnvelope<number, unknown>>;
  };
  /** Webhook verification; secrets are passed per call (two during a rotation). */
  readonly webhooks: { constructEvent: typeof constructEvent };

  readonly #config: Required<TokenframeConfig>;

  constructor(config: TokenframeConfig) {
    for (const name of ['baseUrl', 'username', 'secret'] as const) {
      if (typeof config?.[name] !== 'string' || !config[name]) {
        throw new TypeError(`new Tokenframe({ ${name} }): expected a non-empty string`);
      }
    }
    this.#config = { maxNetworkRetries: 2, timeoutMs: 10_000, ...config };
    this.sessions = {
      create: (params, options = {}) =>
        this.request('POST', CREATE_PATH, params, options.idempotencyKey ?? randomUUID()),
      list: (params = {}) =>
        autoPagingList(
          (cursor) => {
            const query = new URLSearchParams(
              Object.entries({ ...params, cursor }).flatMap(([k, v]) =>
                v === undefined ? [] : [[k, String(v)]],
              ),
            ).toString();
            return this.request('GET', `/api/v1/sessions${query ? `?${query}` : ''}`);
          },
          (page: ApiEnvelope<number, ListSessionsData>) => ({
            items: page.data.sessions,
            nextCursor: page.data.next_cursor,
          }),
          params.cursor,
        ),
      get: (id) => this.request('GET', `/api/v1/sessions/${encodeURIComponent(id)}`),
      terminate: (id) =>
        this.request('POST', `/api/v1/sessions/${encodeURIComponent(id)}/terminate`),
    };
    this.webhooks = { constructEvent };
  }

  /**
   * Sends one signed request; retries network failures, 429 and 5xx (none of which stores the
   * idempotency key) with the same key, so retries never create a second session.
   */
  private async request<T>(
    method: 'GET' | 'POST',
    pathAndQuery: string,
    payload?: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const url = new URL(pathAndQuery, this.#config.baseUrl);
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt >= this.#config.maxNetworkRetries;
      let response: Response;
      try {
        const headers: Record<string, string> = {
          ...sign({ method, pathAndQuery, body, ...this.#config }),
          ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
        };
        response = await fetch(url, {
          method,
          headers,
          body: method === 'GET' ? undefined : body,
          signal: AbortSignal.timeout(this.#config.timeoutMs),
        });
      } catch (error) {
        if (last) {
          throw new TokenframeApiError(`${method} ${url.pathname}: network failure`, {
            status: 0,
            httpStatus: 0,
            cause: error,
          });
        }
        await delay(retryDelayMs(attempt, null));
        continue;
      }
      const text = await response.text().catch(() => '');
      const envelope = parseJson(text) as Partial<ApiEnvelope<number, unknown>> | null;
      if (response.ok && envelope && typeof envelope.status === 'number') return envelope as T;
      if (!last && (response.status === 429 || response.status >= 500)) {
        await delay(retryDelayMs(attempt, response.headers.get('retry-after')));
        continue;
      }
      throw new TokenframeApiError(
        `${method} ${url.pathname}: ${envelope?.client_message ?? `HTTP ${response.status}`}`,
        {
          status: typeof envelope?.status === 'number' ? envelope.status : 0,
          httpStatus: response.status,
          fieldErrors:
            envelope?.status === 13400 ? (envelope.data as Record<string, string[]>) : undefined,
          developerMessage: envelope?.developer_message,
          requestId: response.headers.get('x-request-id') ?? undefined,
        },
      );
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** 250 ms, 500 ms, 1 s … (± jitter), or the server's Retry-After up to 10 s. */
function retryDelayMs(attempt: number, retryAfter: string | null): number {
  const seconds = Number(retryAfter);
  if (retryAfter && Number.isFinite(seconds)) return Math.min(seconds, 10) * 1000;
  return 250 * 2 ** attempt * (0.5 + Math.random() / 2);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
