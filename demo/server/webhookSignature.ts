import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Verifies `Tokenframe-Signature: t=<unix>,v1=<hex>` where the hex is
 * HMAC-SHA256(secret, `${t}.${rawBody}`) (PRODUCT.md §7). Several `v1` entries are allowed,
 * so a receiver keeps working while the service rotates its secret.
 */

/** Why a delivery was refused. Never includes the expected signature. */
export type WebhookSignatureFailure =
  'missing_header' | 'malformed_header' | 'too_old' | 'mismatch';

/** Result of {@link verifyWebhookSignature}. */
export type WebhookSignatureCheck =
  { ok: true; timestamp: number } | { ok: false; reason: WebhookSignatureFailure };

/** Options of {@link verifyWebhookSignature}. */
export interface WebhookVerifyOptions {
  /** Seconds a signature stays acceptable, against replays. `Infinity` disables the check. */
  toleranceSeconds?: number;
  /** Current time in Unix seconds; defaults to now. */
  nowSeconds?: number;
}

/** Computes the hex v1 signature for a timestamp and raw body (also used by tests). */
export function webhookSignatureV1(
  secret: string,
  timestamp: number,
  rawBody: Buffer | string,
): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** Checks a delivery's header against the raw body bytes, in constant time per candidate. */
export function verifyWebhookSignature(
  header: string | undefined,
  rawBody: Buffer | string,
  secret: string,
  options: WebhookVerifyOptions = {},
): WebhookSignatureCheck {
  if (!header) return { ok: false, reason: 'missing_header' };
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/i.test(value)) candidates.push(value);
  }
  if (timestamp === undefined || candidates.length === 0) {
    return { ok: false, reason: 'malformed_header' };
  }
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(now - timestamp) > tolerance) return { ok: false, reason: 'too_old' };
  const expected = Buffer.from(webhookSignatureV1(secret, timestamp, rawBody), 'hex');
  const matches = candidates.some((candidate) =>
    timingSafeEqual(expected, Buffer.from(candidate.toLowerCase(), 'hex')),
  );
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}
