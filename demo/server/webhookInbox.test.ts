import { describe, expect, it } from 'vitest';
import { WebhookInbox } from './webhookInbox';
import { webhookSignatureV1 } from './webhookSignature';

const secret = 'whsec_test';
const now = new Date('2026-11-23T12:00:00Z');
const t = Math.floor(now.getTime() / 1000);

function delivery(id: string, participant = 'demo-r1') {
  const raw = Buffer.from(
    JSON.stringify({
      metadata: { id, timestamp: now.toISOString(), topic: 'tokenframe.token_success', version: 1 },
      data: {
        ancillary: {
          participant_unique_id1: participant,
          session_id: 'sess_1',
          tracer_token: 'tr',
        },
        event: {},
      },
    }),
  );
  return { raw, header: `t=${t},v1=${webhookSignatureV1(secret, t, raw)}` };
}

describe('WebhookInbox', () => {
  it('logs a correctly signed delivery with its topic and session', () => {
    const inbox = new WebhookInbox(secret);
    const { raw, header } = delivery('evt_1');
    const receipt = inbox.receive(raw, header, now);
    expect(receipt.status).toBe(200);
    expect(inbox.list()).toMatchObject([
      {
        seq: 1,
        id: 'evt_1',
        topic: 'tokenframe.token_success',
        sessionId: 'sess_1',
        deliveries: 1,
      },
    ]);
  });

  it('answers 400 to a bad signature and logs nothing', () => {
    const inbox = new WebhookInbox(secret);
    const { raw } = delivery('evt_1');
    expect(inbox.receive(raw, `t=${t},v1=${'a'.repeat(64)}`, now)).toEqual({
      status: 400,
      reason: 'mismatch',
    });
    expect(inbox.receive(raw, undefined, now).status).toBe(400);
    expect(inbox.list()).toEqual([]);
  });

  it('de-duplicates by metadata.id and counts the repeated delivery', () => {
    const inbox = new WebhookInbox(secret);
    const { raw, header } = delivery('evt_1');
    inbox.receive(raw, header, now);
    const second = inbox.receive(raw, header, now);
    expect(second).toMatchObject({ status: 200, duplicate: true });
    expect(inbox.list()).toHaveLength(1);
    expect(inbox.list()[0]?.deliveries).toBe(2);
  });

  it('rejects a signed body without metadata.id', () => {
    const inbox = new WebhookInbox(secret);
    const raw = Buffer.from('{"metadata":{}}');
    const header = `t=${t},v1=${webhookSignatureV1(secret, t, raw)}`;
    expect(inbox.receive(raw, header, now)).toEqual({ status: 400, reason: 'invalid_body' });
  });

  it('lists only entries after a seq and for one participant', () => {
    const inbox = new WebhookInbox(secret);
    for (const [id, participant] of [
      ['a', 'demo-r1'],
      ['b', 'demo-r2'],
      ['c', 'demo-r1'],
    ] as const) {
      const { raw, header } = delivery(id, participant);
      inbox.receive(raw, header, now);
    }
    expect(inbox.list({ after: 1, participantUniqueId1: 'demo-r1' }).map((w) => w.id)).toEqual([
      'c',
    ]);
  });
});
