import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../storage/openStore';
import type { Store } from '../storage/store';
import { sampleSessionRequest } from '../testing/signedClient';
import { TEST_DATABASE_URL } from '../testing/testDatabaseUrl';
import { startTestApp, type TestApp } from '../testing/testApp';
import { startWebhookReceiver } from '../testing/webhookReceiver';
import { startWebhookWorker } from './webhookDelivery';

const SECRET = 'whsec_pg_secret';
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let t: TestApp;
let second: Store;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await startTestApp({
    databaseUrl: TEST_DATABASE_URL,
    env: { TOKENFRAME_WEBHOOK_URL: receiver.url, TOKENFRAME_WEBHOOK_SECRET: SECRET },
  });
  second = await openStore({ databaseUrl: TEST_DATABASE_URL });
});
afterAll(async () => {
  await t.close();
  await second.close();
  await receiver.close();
});

describe('webhook outbox on PostgreSQL', () => {
  it('two workers on separate connection pools deliver each event exactly once', async () => {
    const run = randomUUID().slice(0, 8);
    const sessionIds = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const res = await t.client.createSession(
        sampleSessionRequest({ participant_unique_id1: `${run}-${i}` }),
      );
      sessionIds.add(res.body.data.session_identifier);
    }
    const workers = [
      startWebhookWorker({ store: t.store, config: t.config, pollMs: 10, batchSize: 3 }),
      startWebhookWorker({ store: second, config: t.config, pollMs: 10, batchSize: 3 }),
    ];
    const ours = () =>
      receiver.received
        .map(
          (r) =>
            JSON.parse(r.body) as {
              metadata: { id: string };
              data: { ancillary: { session_id: string } };
            },
        )
        .filter((b) => sessionIds.has(b.data.ancillary.session_id));
    try {
      const start = Date.now();
      while (ours().length < 20 && Date.now() - start < 20_000)
        await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 300));
      const ids = ours().map((b) => b.metadata.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    } finally {
      for (const worker of workers) await worker.stop();
    }
  });
});
