import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { signRequest, type MerchantCredentials } from './hmacSigner';

/**
 * The demo merchant's client for the Session Management API and the ops API. It sends
 * exactly the bytes it signed (node:http, so no layer adds or rewrites a header).
 */

/** The service's response envelope (`{status, client_message, data, time}`) and HTTP status. */
export interface ApiAnswer {
  httpStatus: number;
  envelope: {
    status?: number;
    client_message?: string;
    developer_message?: string;
    data?: unknown;
    time?: number;
  } & Record<string, unknown>;
  /** `Retry-After` seconds on 429. */
  retryAfter?: string;
}

/** Path of the session-create endpoint (PRODUCT.md §1). */
export const CREATE_SESSION_PATH = '/api/v1/sessions/point-in-time/plugin';

/** A signed client bound to one service origin and one program's credentials. */
export class SessionApiClient {
  readonly #baseUrl: URL;
  readonly #credentials: MerchantCredentials;

  constructor(baseUrl: string, credentials: MerchantCredentials) {
    this.#baseUrl = new URL(baseUrl);
    this.#credentials = credentials;
  }

  /** Creates a session, or replays it when `idempotencyKey` was used with the same body. */
  createSession(body: unknown, idempotencyKey?: string): Promise<ApiAnswer> {
    const extra: Record<string, string> = idempotencyKey
      ? { 'Idempotency-Key': idempotencyKey }
      : {};
    return this.send('POST', CREATE_SESSION_PATH, JSON.stringify(body), extra);
  }

  /** `GET /api/v1/sessions/{id}`: state, attempts, masked account, timeline. */
  getSession(sessionIdentifier: string): Promise<ApiAnswer> {
    return this.send('GET', `/api/v1/sessions/${encodeURIComponent(sessionIdentifier)}`, '');
  }

  /** `GET /api/v1/sessions?…`: a filtered page of sessions. */
  listSessions(query: Record<string, string>): Promise<ApiAnswer> {
    const search = new URLSearchParams(query).toString();
    return this.send('GET', `/api/v1/sessions${search ? `?${search}` : ''}`, '');
  }

  /** Signs and sends one request; resolves with whatever the service answered. */
  send(
    method: 'GET' | 'POST',
    pathWithQuery: string,
    body: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiAnswer> {
    const bytes = Buffer.from(body, 'utf8');
    const headers = {
      ...signRequest(this.#credentials, { method, pathWithQuery, body: bytes }),
      ...extraHeaders,
      Accept: 'application/json',
    };
    const send = this.#baseUrl.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        this.#baseUrl,
        { method, path: pathWithQuery, headers, timeout: 15_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let envelope: ApiAnswer['envelope'];
            try {
              envelope = JSON.parse(text) as ApiAnswer['envelope'];
            } catch {
              envelope = { client_message: text.slice(0, 200) };
            }
            const retryAfter = res.headers['retry-after'];
            resolve({
              httpStatus: res.statusCode ?? 0,
              envelope,
              ...(typeof retryAfter === 'string' ? { retryAfter } : {}),
            });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${pathWithQuery} timed out`)));
      req.on('error', reject);
      req.end(bytes.byteLength > 0 ? bytes : undefined);
    });
  }
}
