import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long an authorized_url may be mounted (PRODUCT.md §1). */
export const AUTHORIZED_URL_TTL_MS = 30_000;

/** `h` = base64url(HMAC-SHA256(urlSecret, "<session id>.<t>")): tamper-evident id and expiry. */
export function signAuthorizedUrl(urlSecret: Buffer, sessionId: string, t: string): string {
  return createHmac('sha256', urlSecret).update(`${sessionId}.${t}`).digest('base64url');
}

/** Constant-time check of `h` against the id and `t` as they appeared in the URL. */
export function verifyAuthorizedUrl(
  urlSecret: Buffer,
  sessionId: string,
  t: string,
  h: string,
): boolean {
  const expected = Buffer.from(signAuthorizedUrl(urlSecret, sessionId, t));
  const given = Buffer.from(h);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `<publicUrl>/session/<id>?t=<expiry ms>&h=<signature>`. */
export function buildAuthorizedUrl(
  publicUrl: string,
  urlSecret: Buffer,
  sessionId: string,
  expiresMs: number,
): string {
  const t = String(expiresMs);
  const h = signAuthorizedUrl(urlSecret, sessionId, t);
  return `${publicUrl}/session/${encodeURIComponent(sessionId)}?t=${t}&h=${h}`;
}
