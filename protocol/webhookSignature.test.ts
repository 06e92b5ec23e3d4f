import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhookSignature';

const body = '{"metadata":{"id":"e1"}}';
const t = 1_795_435_200;

describe('webhook signature (PRODUCT.md §7)', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256(secret, t.body)>, as an independent HMAC computes it', async () => {
    // Computed with `openssl dgst -sha256 -hmac whsec` over `1795435200.` + body.
    const v1 = 'b8452dcc0a2358f5fe166e90ce1dabcef854a3b36391db2932d2a8b30761bb3e';
    expect(await signWebhook('whsec', t, body)).toBe(`t=${t},v1=${v1}`);
  });

  it('verifies the exact body with the right secret within the tolerance, and nothing else', async () => {
    const header = await signWebhook('whsec', t, body);
    expect(await verifyWebhookSignature(header, body, 'whsec', { nowSeconds: t + 299 })).toBe(true);
    expect(await verifyWebhookSignature(header, `${body} `, 'whsec', { nowSeconds: t })).toBe(
      false,
    );
    expect(await verifyWebhookSignature(header, body, 'other', { nowSeconds: t })).toBe(false);
    expect(await verifyWebhookSignature(header, body, 'whsec', { nowSeconds: t + 301 })).toBe(
      false,
    );
    expect(await verifyWebhookSignature(undefined, body, 'whsec', { nowSeconds: t })).toBe(false);
    expect(await verifyWebhookSignature(`t=${t},v1=zz`, body, 'whsec', { nowSeconds: t })).toBe(
      false,
    );
  });

  it('carries one v1 per secret during rotation; either secret verifies', async () => {
    const header = await signWebhook(['old', 'new'], t, body);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(await verifyWebhookSignature(header, body, 'old', { nowSeconds: t })).toBe(true);
    expect(await verifyWebhookSignature(header, body, ['x', 'new'], { nowSeconds: t })).toBe(true);
  });
});
