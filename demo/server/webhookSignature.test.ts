import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature, webhookSignatureV1 } from './webhookSignature';

// Vector from the openssl CLI, not from this module:
//   printf '%s' '1795435200.{"metadata":{"id":"evt_1"}}' | openssl dgst -sha256 -hmac whsec -hex
const body = '{"metadata":{"id":"evt_1"}}';
const t = 1795435200;
const v1 = '0fba478572e493d67f894eb42225395ab712a2b665694a446c633721414a7add';

describe('verifyWebhookSignature', () => {
  it('computes v1 as hex HMAC-SHA256 of "t.body" (hand-derived vector)', () => {
    expect(webhookSignatureV1('whsec', t, body)).toBe(v1);
  });

  it('accepts a correctly signed delivery', () => {
    expect(verifyWebhookSignature(`t=${t},v1=${v1}`, body, 'whsec', { nowSeconds: t + 5 })).toEqual(
      {
        ok: true,
        timestamp: t,
      },
    );
  });

  it('accepts when any of several v1 entries matches (secret rotation)', () => {
    const header = `t=${t}, v1=${'0'.repeat(64)}, v1=${v1}`;
    expect(verifyWebhookSignature(header, body, 'whsec', { nowSeconds: t }).ok).toBe(true);
  });

  it('rejects a body changed by one byte', () => {
    const check = verifyWebhookSignature(`t=${t},v1=${v1}`, body + ' ', 'whsec', { nowSeconds: t });
    expect(check).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects the wrong secret', () => {
    const check = verifyWebhookSignature(`t=${t},v1=${v1}`, body, 'other', { nowSeconds: t });
    expect(check).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects a signature whose timestamp was changed', () => {
    const check = verifyWebhookSignature(`t=${t + 1},v1=${v1}`, body, 'whsec', { nowSeconds: t });
    expect(check).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects a missing or malformed header', () => {
    expect(verifyWebhookSignature(undefined, body, 'whsec')).toEqual({
      ok: false,
      reason: 'missing_header',
    });
    expect(verifyWebhookSignature('v1=abc', body, 'whsec')).toEqual({
      ok: false,
      reason: 'malformed_header',
    });
    expect(verifyWebhookSignature(`t=${t}`, body, 'whsec')).toEqual({
      ok: false,
      reason: 'malformed_header',
    });
  });

  it('rejects a replay older than the tolerance', () => {
    const check = verifyWebhookSignature(`t=${t},v1=${v1}`, body, 'whsec', {
      nowSeconds: t + 301,
    });
    expect(check).toEqual({ ok: false, reason: 'too_old' });
  });
});
