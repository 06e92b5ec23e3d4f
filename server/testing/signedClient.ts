import { createHash, createHmac } from 'node:crypto';

/**
 * A merchant-side client written from PRODUCT.md §1's signing rules alone (it shares no code
 * with the server's verifier on purpose): the signing string is one line per name of
 * `headers`, `request-line` gives `METHOD /path?query HTTP/1.1`, the others
 * `<lowercase-name>: <value>`, joined by `\n`.
 */
export interface SignedClientOptions {
  baseUrl: string;
  username: string;
  secret: string;
  /** Overrides the X-Date clock (epoch ms), for skew tests. */
  now?: () => number;
}

/** A response as tests read it. */
export interface SignedResponse<T = unknown> {
  httpStatus: number;
  headers: Headers;
  body: T;
}

/** Fine-grained control over one request, for tamper tests. */
export interface SendOptions {
  headers?: Record<string, string>;
  /** Sign this body but send `sendBody` instead. */
  sendBody?: string | Buffer;
  /** Sign with this secret instead of the client's. */
  secret?: string;
  /** Skip the Authorization header entirely. */
  unsigned?: boolean;
}

const SIGNED_HEADERS = 'request-line x-date content-type content-sha512 content-length';

/** base64(SHA-512(body bytes)). */
export function sha512Base64(body: string | Buffer): string {
  return createHash('sha512').update(body).digest('base64');
}

/** Builds the headers of a signed request, exactly as an independent integrator would. */
export function signRequest(
  method: string,
  pathAndQuery: string,
  body: string | Buffer,
  credentials: { username: string; secret: string },
  date: Date,
  contentType = 'application/json',
): Record<string, string> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const xDate = date.toUTCString();
  const digest = sha512Base64(bytes);
  const signing = [
    `${method} ${pathAndQuery} HTTP/1.1`,
    `x-date: ${xDate}`,
    `content-type: ${contentType}`,
    `content-sha512: ${digest}`,
    `content-length: ${bytes.length}`,
  ].join('\n');
  const signature = createHmac('sha512', credentials.secret).update(signing).digest('base64');
  return {
    Authorization: `hmac username="${credentials.username}", algorithm="hmac-sha512", headers="${SIGNED_HEADERS}", signature="${signature}"`,
    'X-Date': xDate,
    'Content-Type': contentType,
    'Content-SHA512': digest,
  };
}

/** A signed client for the Session Management and ops APIs. */
export class SignedClient {
  constructor(private readonly options: SignedClientOptions) {}

  /** Sends a signed request; `body` objects are JSON-encoded. */
  async send<T = Record<string, unknown>>(
    method: string,
    pathAndQuery: string,
    body?: unknown,
    extra: SendOptions = {},
  ): Promise<SignedResponse<T>> {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const signed = signRequest(
      method,
      pathAndQuery,
      text,
      { username: this.options.username, secret: extra.secret ?? this.options.secret },
      new Date(this.options.now?.() ?? Date.now()),
    );
    if (extra.unsigned) delete (signed as Partial<typeof signed>).Authorization;
    const sent = extra.sendBody ?? text;
    const response = await fetch(new URL(pathAndQuery, this.options.baseUrl), {
      method,
      headers: { ...signed, ...extra.headers },
      body: method === 'GET' ? undefined : typeof sent === 'string' ? sent : new Uint8Array(sent),
    });
    const raw = await response.text();
    let parsed: unknown = raw;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // a non-JSON body is returned as text
    }
    return { httpStatus: response.status, headers: response.headers, body: parsed as T };
  }

  /** `POST /api/v1/sessions/point-in-time/plugin`. */
  createSession<T = CreateSessionEnvelope>(
    body: unknown,
    idempotencyKey?: string,
    extra: SendOptions = {},
  ) {
    return this.send<T>('POST', '/api/v1/sessions/point-in-time/plugin', body, {
      ...extra,
      headers: {
        ...(idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey }),
        ...extra.headers,
      },
    });
  }
}

/** The create response envelope as tests read it. */
export interface CreateSessionEnvelope {
  status: number;
  client_message: string;
  developer_message?: string;
  data: {
    session_identifier: string;
    authorized_url: string;
    authorized_url_expiration_utc: string;
    participant_unique_id1: string;
    participant_unique_id2: string;
  } & Record<string, unknown>;
  time: number;
}

/** A valid create body for the sandbox program; override any part. */
export function sampleSessionRequest(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    participant_unique_id1: 'participant-1',
    participant_unique_id2: 'customer-9',
    host_uri: 'http://localhost:3000',
    recipient_information: {
      first_name: 'Jack',
      last_name: 'Frost',
      address_line1: '123 Main St',
      address_line2: '',
      city: 'Atlanta',
      state: 'GA',
      zip_code: '30313',
      email_address: 'jack@example.com',
      phone_number: '1231231234',
      mobile_number: '1231231234',
    },
    ...overrides,
  };
}
