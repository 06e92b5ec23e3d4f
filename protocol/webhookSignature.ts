/**
 * The webhook signature of PRODUCT.md §7, written once for the service that signs and for any
 * receiver that verifies: `Tokenframe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * t + "." + body)>`, one `v1` per secret while a program rotates its secret. Web Crypto only,
 * so it runs unchanged in Node and in browsers.
 */

/** Name of the signature header. */
export const WEBHOOK_SIGNATURE_HEADER = 'Tokenframe-Signature';

/** How far a signature's `t` may be from the receiver's clock before it counts as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  );
}

function toHex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** The header value for `body` sent at `unixSeconds`, one `v1` per secret. */
export async function signWebhook(
  secrets: string | readonly string[],
  unixSeconds: number,
  body: string,
): Promise<string> {
  const signed = encoder.encode(`${unixSeconds}.${body}`);
  const v1s = await Promise.all(
    [secrets]
      .flat()
      .map(async (secret) =>
        toHex(await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), signed)),
      ),
  );
  return [`t=${unixSeconds}`, ...v1s.map((v1) => `v1=${v1}`)].join(',');
}

/**
 * True when `header` carries a `v1` that one of `secrets` made for exactly `body` (the raw
 * bytes as received, before any JSON parsing) within the tolerance. Comparison is Web
 * Crypto's constant-time `verify`.
 */
export async function verifyWebhookSignature(
  header: string | undefined,
  body: string,
  secrets: string | readonly string[],
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): Promise<boolean> {
  const pairs = (header ?? '').split(',').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
  });
  const t = Number(pairs.find(([name]) => name === 't')?.[1]);
  const nowSeconds = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > tolerance) return false;
  const signed = encoder.encode(`${t}.${body}`);
  const given = pairs.filter(([name]) => name === 'v1').map(([, value]) => fromHex(value));
  for (const secret of [secrets].flat()) {
    const key = await hmacKey(secret, 'verify');
    for (const signature of given)
      if (signature && (await crypto.subtle.verify('HMAC', key, signature, signed))) return true;
  }
  return false;
}
