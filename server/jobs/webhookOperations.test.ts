import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { verifyWebhookSignature } from '../../protocol/webhookSignature';
import { sampleSessionRequest } from '../testing/signedClient';
import { startTestApp, type TestApp } from '../testing/testApp';
import { startWebhookReceiver } from '../testing/webhookReceiver';
import { startWebhookWorker, type WebhookWorker } from './webhookDelivery';
import { SANDBOX_RVDM_RULES } from '../domain/programs/program';

const NEW_SECRET = 'whsec_new_secret_after_rotation';
const OLD_SECRET = 'whsec_old_secret_being_rotated';
const MAX_ATTEMPTS = 3;
const configDir = mkdtempSync(join(tmpdir(), 'tokenframe-webhooks-'));
let respond: () => number = () => 200;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let service: TestApp;
let worker: WebhookWorker;

beforeAll(async () => {
  receiver = await startWebhookReceiver(() => respond());
  const configPath = join(configDir, 'config.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      programs: [
        {
          username: 'demo',
          secret: 'demo-secret',
          hosts: ['http://localhost:3000'],
          rvdm: SANDBOX_RVDM_RULES,
          webhook: {
            url: receiver.url,
            secret: NEW_SECRET,
            previous_secret: OLD_SECRET,
            max_attempts: MAX_ATTEMPTS,
          },
        },
      ],
    }),
  );
  service = await startTestApp({ env: { TOKENFRAME_CONFIG: configPath } });
  worker = startWebhookWorker({
    store: service.store,
    config: service.config,
    pollMs: 20,
    retryBaseMs: 1,
    maxBackoffMs: 5,
  });
}, 60_000);
beforeEach(() => {
  respond = () => 200;
  receiver.received.length = 0;
});
afterAll(async () => {
  await worker?.stop();
  await service?.close();
  await receiver?.close();
  rmSync(configDir, { recursive: true, force: true });
});

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function createSession(participant: string): Promise<string> {
  const created = await service.client.createSession(
    sampleSessionRequest({ participant_unique_id1: participant }),
  );
  expect(created.body.status).toBe(100);
  return created.body.data.session_identifier;
}

interface Delivery {
  event_id: string;
  topic: string;
  state: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
}

const deliveriesOf = async (sessionId: string) =>
  (
    await service.client.send<{ data: { deliveries: Delivery[] } }>(
      'GET',
      `/api/v1/sessions/${sessionId}/webhooks`,
    )
  ).body.data.deliveries;

describe('webhook operations (PRODUCT.md §7)', () => {
  test('during a rotation each delivery carries one v1 per secret; either secret verifies', async () => {
    const sessionId = await createSession('rotation');
    const delivery = await until('a delivery', () =>
      receiver.received.find((r) => JSON.parse(r.body).data.ancillary.session_id === sessionId),
    );
    const header = delivery.headers['tokenframe-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(await verifyWebhookSignature(header, delivery.body, NEW_SECRET)).toBe(true);
    expect(await verifyWebhookSignature(header, delivery.body, OLD_SECRET)).toBe(true);
    expect(await verifyWebhookSignature(header, delivery.body, 'whsec_never_configured')).toBe(
      false,
    );
  });

  test('a receiver that always answers 500 gets capped attempts, then failed; a resend delivers it', async () => {
    respond = () => 500;
    const sessionId = await createSession('dead-letter');
    const failed = await until('every delivery of the session to fail', async () => {
      const deliveries = await deliveriesOf(sessionId);
      return deliveries.length > 0 && deliveries.every((d) => d.state === 'failed')
        ? deliveries
        : undefined;
    });
    for (const delivery of failed)
      expect(delivery).toMatchObject({
        attempts: MAX_ATTEMPTS,
        last_status: 500,
        last_error: 'HTTP 500',
        next_attempt_at: null,
      });
    const eventId = failed[0]!.event_id;
    const sentOf = (id: string) =>
      receiver.received.filter((r) => r.headers['tokenframe-event-id'] === id).length;
    expect(sentOf(eventId)).toBe(MAX_ATTEMPTS);
    // Failed stays failed: further worker passes send nothing.
    await worker.runOnce();
    await worker.runOnce();
    expect(sentOf(eventId)).toBe(MAX_ATTEMPTS);

    const perEvent = await service.client.send<{ data: Delivery }>(
      'GET',
      `/api/v1/webhooks/${eventId}`,
    );
    expect(perEvent.body.data).toMatchObject({ event_id: eventId, state: 'failed' });

    respond = () => 200;
    const resent = await service.client.send<{ data: Delivery }>(
      'POST',
      `/api/v1/webhooks/${eventId}/resend`,
    );
    expect(resent.httpStatus).toBe(200);
    expect(resent.body.data).toMatchObject({ state: 'pending', attempts: 0 });
    const delivered = await until('the resent delivery', async () => {
      const answer = await service.client.send<{ data: Delivery }>(
        'GET',
        `/api/v1/webhooks/${eventId}`,
      );
      return answer.body.data.state === 'delivered' ? answer.body.data : undefined;
    });
    expect(delivered).toMatchObject({ attempts: 1, last_status: 200, last_error: null });
    expect(sentOf(eventId)).toBe(MAX_ATTEMPTS + 1);
  });

  test("another program's or an unknown event id is 13404", async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/webhooks/no-such-event'],
      ['POST', '/api/v1/webhooks/no-such-event/resend'],
      ['GET', '/api/v1/sessions/no-such-session/webhooks'],
    ] as const) {
      const answer = await service.client.send(method, path);
      expect(answer.httpStatus, path).toBe(404);
      expect(answer.body).toMatchObject({ status: 13404 });
    }
  });
});
