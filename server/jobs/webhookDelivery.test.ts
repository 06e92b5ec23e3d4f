import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../storage/openStore';
import { sampleSessionRequest } from '../testing/signedClient';
import { startTestApp, type TestApp } from '../testing/testApp';
import { startWebhookReceiver } from '../testing/webhookReceiver';
import { verifyWebhookSignature } from '../../protocol/webhookSignature';
import { createServer } from 'node:http';
import { backoffMs, startWebhookWorker, webhookDeliveryJob } from './webhookDelivery';

const SECRET = 'whsec_test_secret';
const dirs: string[] = [];
let respond: (attempt: number, body: string) => number = () => 200;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let t: TestApp;
beforeAll(async () => {
  receiver = await startWebhookReceiver((attempt, body) => respond(attempt, body));
  t = await startTestApp({
    env: { TOKENFRAME_WEBHOOK_URL: receiver.url, TOKENFRAME_WEBHOOK_SECRET: SECRET },
  });
}, 60_000);
beforeEach(async () => {
  respond = () => 200;
  receiver.received.length = 0;
  await t.store.query('DELETE FROM webhook_outbox');
});
afterAll(async () => {
  await t.close();
  await receiver.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('webhook outbox', () => {
  it('delivers session events to a real receiver with a valid signature and the §7 envelope', async () => {
    const worker = startWebhookWorker({ store: t.store, config: t.config, pollMs: 20 });
    try {
      const res = await t.client.createSession(
        sampleSessionRequest({ participant_unique_id1: 'hooked' }),
      );
      await until(() => receiver.received.length >= 2);
      const topics = receiver.received.map((r) => JSON.parse(r.body).metadata.topic);
      expect(topics).toEqual(
        expect.arrayContaining(['session.created', 'session.authorized_url_issued']),
      );
      for (const delivery of receiver.received) {
        const header = delivery.headers['tokenframe-signature'] as string;
        expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
        expect(await verifyWebhookSignature(header, delivery.body, SECRET)).toBe(true);
        expect(await verifyWebhookSignature(header, delivery.body, 'wrong-secret')).toBe(false);
        const body = JSON.parse(delivery.body);
        expect(body.metadata).toMatchObject({ version: '1' });
        expect(delivery.headers['tokenframe-event-id']).toBe(body.metadata.id);
        expect(body.data.ancillary).toEqual({
          participant_unique_id1: 'hooked',
          participant_unique_id2: 'customer-9',
          session_id: res.body.data.session_identifier,
          tracer_token: expect.stringMatching(/^trc_/),
        });
        // The authorized_url (a short-lived credential) never travels in a webhook.
        expect(delivery.body).not.toContain('h=');
      }
    } finally {
      await worker.stop();
    }
  });

  it('retries after a 500 until a 2xx, with the same event id', async () => {
    const seen = new Map<string, number>();
    // Each event is refused twice, then accepted.
    respond = (_attempt, body) => {
      const id = JSON.parse(body).metadata.id as string;
      seen.set(id, (seen.get(id) ?? 0) + 1);
      return seen.get(id)! <= 2 ? 500 : 200;
    };
    const worker = startWebhookWorker({
      store: t.store,
      config: t.config,
      pollMs: 20,
      retryBaseMs: 50,
    });
    try {
      await t.client.createSession(sampleSessionRequest());
      await until(() => receiver.received.filter((r) => r.answered === 200).length >= 2);
      const first = JSON.parse(receiver.received[0]!.body).metadata.id;
      const deliveredAt = async () =>
        (
          await t.store.query(
            'SELECT 1 FROM webhook_outbox WHERE id = $1 AND delivered_at IS NOT NULL',
            [first],
          )
        ).length === 1;
      await until(deliveredAt);
      const deliveries = receiver.received.filter((r) => JSON.parse(r.body).metadata.id === first);
      expect(deliveries.map((r) => r.answered)).toEqual([500, 500, 200]);
      expect(new Set(deliveries.map((r) => r.body)).size).toBe(1);
      const [row] = await t.store.query<{ attempts: number; delivered_at: Date | null }>(
        'SELECT attempts, delivered_at FROM webhook_outbox WHERE id = $1',
        [first],
      );
      expect(row).toMatchObject({ attempts: 3 });
      expect(row!.delivered_at).not.toBeNull();
    } finally {
      await worker.stop();
    }
  });

  it('loses nothing over a restart: events queued while the receiver fails are delivered by the next process', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tokenframe-webhooks-'));
    dirs.push(dataDir);
    let up = false;
    respond = () => (up ? 200 : 503);
    const env = { TOKENFRAME_WEBHOOK_URL: receiver.url, TOKENFRAME_WEBHOOK_SECRET: SECRET };

    const before = await startTestApp({ env, store: await openStore({ dataDir }) });
    const worker1 = startWebhookWorker({
      store: before.store,
      config: before.config,
      pollMs: 20,
      retryBaseMs: 20,
    });
    await before.client.createSession(sampleSessionRequest());
    await until(() => receiver.received.length >= 1);
    await worker1.stop();
    await before.close();
    await before.store.close();

    up = true;
    const after = await startTestApp({ env, store: await openStore({ dataDir }) });
    const worker2 = startWebhookWorker({
      store: after.store,
      config: after.config,
      pollMs: 20,
      retryBaseMs: 20,
    });
    try {
      await until(
        () =>
          new Set(
            receiver.received
              .filter((r) => r.answered === 200)
              .map((r) => JSON.parse(r.body).metadata.topic),
          ).size >= 2,
      );
      // The receiver answers before the worker records the delivery: wait for the record.
      const pending = () =>
        after.store.query('SELECT id FROM webhook_outbox WHERE delivered_at IS NULL');
      await until(async () => (await pending()).length === 0);
      expect(await pending()).toEqual([]);
    } finally {
      await worker2.stop();
      await after.close();
      await after.store.close();
    }
  });

  it('two workers on one outbox never send the same event twice at once', async () => {
    for (let i = 0; i < 10; i++)
      await t.client.createSession(sampleSessionRequest({ participant_unique_id1: `p${i}` }));
    const a = startWebhookWorker({ store: t.store, config: t.config, pollMs: 10, batchSize: 3 });
    const b = startWebhookWorker({ store: t.store, config: t.config, pollMs: 10, batchSize: 3 });
    try {
      await until(() => receiver.received.length >= 20);
      await new Promise((r) => setTimeout(r, 200));
      const ids = receiver.received.map((r) => JSON.parse(r.body).metadata.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('one pass sends its whole claim with exactly `concurrency` deliveries in flight, and records every 2xx', async () => {
    const concurrency = 5;
    let inFlight = 0;
    let mostInFlight = 0;
    const held: (() => void)[] = [];
    // Holds each delivery until `concurrency` are open at once (or 5 s passed), so a worker
    // that sent one at a time would show 1, and one that ignored the bound more than 5.
    const slow = createServer((req, res) => {
      req.resume();
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const answer = () => {
        inFlight--;
        res.writeHead(200).end('ok');
      };
      held.push(answer);
      if (held.length >= concurrency) held.splice(0).forEach((release) => release());
      else setTimeout(() => held.splice(held.indexOf(answer) >>> 0, 1).forEach((r) => r()), 5000);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const { port } = slow.address() as { port: number };
    const config = {
      ...t.config,
      programs: t.config.programs.map((p) =>
        p.webhook ? { ...p, webhook: { ...p.webhook, url: `http://127.0.0.1:${port}/` } } : p,
      ),
    };
    try {
      for (let i = 0; i < 10; i++)
        await t.client.createSession(sampleSessionRequest({ participant_unique_id1: `c${i}` }));
      const job = webhookDeliveryJob({ store: t.store, config, concurrency, batchSize: 100 });
      expect(await job.runOnce()).toBe(20);
      expect(mostInFlight).toBe(concurrency);
      const pending = await t.store.query(
        'SELECT id FROM webhook_outbox WHERE delivered_at IS NULL',
      );
      expect(pending).toEqual([]);
      const [row] = await t.store.query<{ attempts: number; last_status: number }>(
        'SELECT attempts, last_status FROM webhook_outbox LIMIT 1',
      );
      expect(row).toEqual({ attempts: 1, last_status: 200 });
    } finally {
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('backoff doubles per attempt, with jitter, up to the cap', () => {
    for (let i = 0; i < 20; i++) {
      expect(backoffMs(1, 1000, 60_000)).toBeGreaterThanOrEqual(800);
      expect(backoffMs(1, 1000, 60_000)).toBeLessThanOrEqual(1200);
      expect(backoffMs(4, 1000, 60_000)).toBeGreaterThanOrEqual(6400);
      expect(backoffMs(30, 1000, 60_000)).toBeLessThanOrEqual(72_000);
    }
  });
});
