import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type {
  WebhookPayload as ProtocolWebhookPayload,
  WebhookTopic as ProtocolWebhookTopic,
} from '../../../protocol/webhooks';
import {
  constructEvent,
  TokenframeSignatureError,
  type WebhookEvent,
  type WebhookPayload,
  type WebhookTopic,
} from './webhooks';

const body = JSON.stringify({ metadata: { id: 'evt_1', topic: 'session.created' }, data: {} });
const v1 = (secret: string, t: number, text = body) =>
  createHmac('sha256', secret).update(`${t}.${text}`).digest('hex');

describe('constructEvent', () => {
  const now = 1_800_000_000;
  it('accepts a header with one v1 per secret during a rotation, with either secret', () => {
    const header = `t=${now},v1=${v1('old-secret', now)},v1=${v1('new-secret', now)}`;
    for (const secret of ['old-secret', 'new-secret']) {
      expect(constructEvent(body, header, secret, { nowSeconds: now }).metadata.id).toBe('evt_1');
    }
  });

  it('refuses a timestamp outside the tolerance, a missing header and an empty secret', () => {
    const header = `t=${now - 301},v1=${v1('s', now - 301)}`;
    expect(() => constructEvent(body, header, 's', { nowSeconds: now })).toThrow(
      TokenframeSignatureError,
    );
    expect(
      constructEvent(body, header, 's', { nowSeconds: now, toleranceSeconds: 400 }).metadata.id,
    ).toBe('evt_1');
    expect(() => constructEvent(body, undefined, 's')).toThrow(/no t= or v1=/);
    expect(() => constructEvent(body, header, '')).toThrow(/no webhook secret/);
  });
});

/** True only when A and B are the same type (not merely assignable either way). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

describe('the declared webhook types', () => {
  it('are the protocol schemas: every topic, each topic’s event exactly (checked by tsc -b)', () => {
    const sameTopics: Equal<WebhookTopic, ProtocolWebhookTopic> = true;
    const samePayloads: Equal<WebhookPayload, ProtocolWebhookPayload['data']['event']> = true;
    const sameEnvelope: Equal<
      WebhookEvent['data']['ancillary'],
      ProtocolWebhookPayload['data']['ancillary']
    > = true;
    const idWhenAbsent: WebhookEvent['data']['ancillary']['participant_unique_id2'] = '';
    expect([sameTopics, samePayloads, sameEnvelope, idWhenAbsent]).toEqual([true, true, true, '']);
  });
});
