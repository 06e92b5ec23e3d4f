import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Program } from '../../domain/programs/program';

/** Allowed distance between `X-Date` and the server clock (PRODUCT.md §1). */
export const MAX_CLOCK_SKEW_MS = 300_000;

/** The header names every signature must cover. */
export const REQUIRED_SIGNED_HEADERS = [
  'request-line',
  'x-date',
  'content-type',
  'content-sha512',
  'content-length',
];

/** What the verifier needs of a request: the exact request target and the raw body bytes. */
export interface SignedRequest {
  method: string;
  /** Path and query string exactly as sent. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

/** Parses `hmac username="…", algorithm="…", headers="…", signature="…"`. */
export function parseAuthorization(header: string | undefined): Record<string, string> | null {
  if (!header) return null;
  const match = /^hmac\s+(.*)$/i.exec(header.trim());
  if (!match) return null;
  const params: Record<string, string> = {};
  const pair = /\s*([a-zA-Z]+)="([^"]*)"\s*(?:,|$)/y;
  const rest = match[1]!;
  while (pair.lastIndex < rest.length) {
    const found = pair.exec(rest);
    if (!found) return null;
    params[found[1]!.toLowerCase()] = found[2]!;
  }
  return params;
}

/** The signing string: one line per header name, in the order given, joined by `\n`. */
export function signingString(request: SignedRequest, names: readonly string[]): string {
  return names
    .map((name) => {
      if (name === 'request-line') return `${request.method.toUpperCase()} ${request.url} HTTP/1.1`;
      // The body actually received decides the length, so a body-less GET signs `0`.
      if (name === 'content-length') return `content-length: ${request.rawBody.length}`;
      const value = request.headers[name];
      return `${name}: ${Array.isArray(value) ? value.join(', ') : (value ?? '')}`;
    })
    .join('\n');
}

/** base64 of the SHA-512 digest of the exact body bytes. */
export function contentSha512(body: Buffer | string): string {
  return createHash('sha512').update(body).digest('base64');
}

// A stand-in secret for unknown usernames, so they cost the same HMAC as known ones.
const DECOY_SECRET = 'decoy-secret-for-unknown-usernames';

/** Outcome of {@link verifyRequest}: the program, or why the request was refused. */
export type Verification = { program: Program } | { program: null; reason: string };

/**
 * Verifies a signed request. Every refusal is answered with the same 401/13401, so nothing
 * tells a caller which part was wrong; `reason` is for the operator's log only.
 */
export function verifyRequest(
  request: SignedRequest,
  programs: readonly Program[],
  now: number,
): Verification {
  const auth = parseAuthorization(headerValue(request.headers.authorization));
  if (!auth || !auth.username || !auth.signature || !auth.headers)
    return { program: null, reason: 'missing or malformed Authorization header' };
  if ((auth.algorithm ?? '').toLowerCase() !== 'hmac-sha512')
    return { program: null, reason: 'algorithm is not hmac-sha512' };
  const names = auth.headers.toLowerCase().trim().split(/\s+/);
  const unsigned = REQUIRED_SIGNED_HEADERS.filter((n) => !names.includes(n));
  if (unsigned.length > 0)
    return { program: null, reason: `signature does not cover ${unsigned.join(', ')}` };

  const program = programs.find((p) => p.username === auth.username);
  const expected = createHmac('sha512', program?.secret ?? DECOY_SECRET)
    .update(signingString(request, names))
    .digest();
  const given = Buffer.from(auth.signature, 'base64');
  const signatureOk = given.length === expected.length && timingSafeEqual(given, expected);

  const digest = Buffer.from(contentSha512(request.rawBody));
  const claimed = Buffer.from(headerValue(request.headers['content-sha512']) ?? '');
  const digestOk = claimed.length === digest.length && timingSafeEqual(claimed, digest);

  const date = Date.parse(headerValue(request.headers['x-date']) ?? '');
  const dateOk = Number.isFinite(date) && Math.abs(now - date) <= MAX_CLOCK_SKEW_MS;

  // Every check ran above (same cost whatever failed); the first failure names the reason.
  if (!program) return { program: null, reason: 'unknown username' };
  if (!digestOk) return { program: null, reason: 'Content-SHA512 does not match the body' };
  if (!dateOk)
    return { program: null, reason: 'X-Date missing or more than 5 minutes from the server clock' };
  if (!signatureOk) return { program: null, reason: 'signature mismatch' };
  return { program };
}

/** {@link verifyRequest} without the reason: the program, or `null`. */
export function authenticateRequest(
  request: SignedRequest,
  programs: readonly Program[],
  now: number,
): Program | null {
  return verifyRequest(request, programs, now).program;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
