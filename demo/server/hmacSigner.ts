import { createHash, createHmac } from 'node:crypto';

/**
 * The merchant side of the Session Management API's HMAC-SHA512 scheme, written from
 * PRODUCT.md §1 and not from the service's code, so that every demo request is also an
 * interoperability check of the service's verifier.
 */

/** The header list the spec signs, in this order. */
export const SIGNED_HEADERS = [
  'request-line',
  'x-date',
  'content-type',
  'content-sha512',
  'content-length',
] as const;

/** Credentials of one program on the service. */
export interface MerchantCredentials {
  username: string;
  secret: string;
}

/** What is signed: the method, the path with its query string, and the exact body bytes. */
export interface RequestToSign {
  method: 'GET' | 'POST';
  /** Path and query as sent, e.g. `/api/v1/sessions?status=active`. */
  pathWithQuery: string;
  /** The exact bytes that go on the wire; empty for a GET. */
  body: Uint8Array | string;
  /** Defaults to `application/json`. */
  contentType?: string;
  /** Defaults to now. */
  date?: Date;
}

/** Base64 of the raw SHA-512 digest of the body bytes (`Content-SHA512`). */
export function contentSha512(body: Uint8Array | string): string {
  return createHash('sha512').update(body).digest('base64');
}

/**
 * The signing string: one line per signed header, joined by `\n`, no trailing newline.
 * `request-line` is `<METHOD> <path?query> HTTP/1.1`; every other name is `<name>: <value>`.
 */
export function signingString(headers: Record<(typeof SIGNED_HEADERS)[number], string>): string {
  return SIGNED_HEADERS.map((name) =>
    name === 'request-line' ? headers[name] : `${name}: ${headers[name]}`,
  ).join('\n');
}

/**
 * Returns the headers to send with the request: `X-Date`, `Content-Type`,
 * `Content-SHA512`, `Content-Length` and `Authorization`. The caller must send exactly
 * `request.body` and these headers; anything else changes what the service verifies.
 */
export function signRequest(
  credentials: MerchantCredentials,
  request: RequestToSign,
): Record<string, string> {
  const bodyBytes =
    typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
  const values = {
    'request-line': `${request.method} ${request.pathWithQuery} HTTP/1.1`,
    'x-date': (request.date ?? new Date()).toUTCString(),
    'content-type': request.contentType ?? 'application/json',
    'content-sha512': contentSha512(bodyBytes),
    'content-length': String(bodyBytes.byteLength),
  };
  const signature = createHmac('sha512', credentials.secret)
    .update(signingString(values))
    .digest('base64');
  return {
    'X-Date': values['x-date'],
    'Content-Type': values['content-type'],
    'Content-SHA512': values['content-sha512'],
    'Content-Length': values['content-length'],
    Authorization:
      `hmac username="${credentials.username}", algorithm="hmac-sha512", ` +
      `headers="${SIGNED_HEADERS.join(' ')}", signature="${signature}"`,
  };
}
