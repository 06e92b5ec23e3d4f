import { createHash, createHmac } from 'node:crypto';

/** The header names the signature covers, in order (PRODUCT.md §1). */
export const SIGNED_HEADERS = 'request-line x-date content-type content-sha512 content-length';

/** What {@link sign} needs to know about one request. */
export interface SignInput {
  /** `POST`, `GET`, … */
  method: string;
  /** The path with its query string, exactly as sent: `/api/v1/sessions?limit=10`. */
  pathAndQuery: string;
  /** The exact body bytes (a string is UTF-8 encoded); `''` for a request without a body. */
  body: string | Uint8Array;
  /** The program's username. */
  username: string;
  /** The program's HMAC secret; keep it on your server. */
  secret: string;
  /** The request time (X-Date); default: now. The service rejects more than 300 s of skew. */
  date?: Date;
  /** Default `application/json`. */
  contentType?: string;
}

/**
 * The headers to send with a signed request. A type literal, not an interface, so that it is
 * assignable to `fetch`'s `HeadersInit` (`Record<string, string>`) as is.
 */
export type SignedHeaders = {
  /** `hmac username="…", algorithm="hmac-sha512", headers="…", signature="…"` */
  Authorization: string;
  /** RFC 7231 date, e.g. `Mon, 23 Nov 2026 12:00:00 GMT`. */
  'X-Date': string;
  /** The content type that was signed. */
  'Content-Type': string;
  /** base64 of the SHA-512 digest of the body bytes. */
  'Content-SHA512': string;
};

/**
 * Signs one request with HMAC-SHA512 as PRODUCT.md §1 prescribes, for any HTTP client: send
 * the returned headers and exactly the `body` that was signed (its length is part of the
 * signature, so let the client set Content-Length from those bytes).
 * @example
 * const body = JSON.stringify(params);
 * const headers = sign({ method: 'POST', pathAndQuery: '/api/v1/sessions/point-in-time/plugin', body, username, secret });
 * await fetch(`${baseUrl}/api/v1/sessions/point-in-time/plugin`, { method: 'POST', headers, body });
 */
export function sign(input: SignInput): SignedHeaders {
  const bytes = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const xDate = (input.date ?? new Date()).toUTCString();
  const contentType = input.contentType ?? 'application/json';
  const digest = createHash('sha512').update(bytes).digest('base64');
  const signingString = [
    `${input.method.toUpperCase()} ${input.pathAndQuery} HTTP/1.1`,
    `x-date: ${xDate}`,
    `content-type: ${contentType}`,
    `content-sha512: ${digest}`,
    `content-length: ${bytes.length}`,
  ].join('\n');
  const signature = createHmac('sha512', input.secret).update(signingString).digest('base64');
  return {
    Authorization: `hmac username="${input.username}", algorithm="hmac-sha512", headers="${SIGNED_HEADERS}", signature="${signature}"`,
    'X-Date': xDate,
    'Content-Type': contentType,
    'Content-SHA512': digest,
  };
}
