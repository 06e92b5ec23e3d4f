import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSessionRequest } from '../testing/signedClient';
import { TEST_DATABASE_URL } from '../testing/testDatabaseUrl';
import { startTestApp, testClock, type TestApp } from '../testing/testApp';

const clock = testClock();
const instances: TestApp[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++)
    instances.push(await startTestApp({ databaseUrl: TEST_DATABASE_URL, clock: clock.now }));
});
afterAll(async () => {
  for (const instance of instances) await instance.close();
});

describe('the per-participant rate limit on PostgreSQL', () => {
  it('holds across instances: two instances together allow one burst, not two', async () => {
    const participant = `limited-${randomUUID()}`;
    // The sandbox program: burst 100, 50 per second; the clock stands still, so no refill.
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++)
      for (const instance of instances) {
        const res = await instance.client.createSession(
          sampleSessionRequest({ participant_unique_id1: participant }),
        );
        statuses.push(res.body.status);
      }
    expect(statuses.filter((s) => s === 100)).toHaveLength(100);
    expect(statuses.filter((s) => s === 13429)).toHaveLength(40);
    // After a second of refill, 50 more tokens, again shared.
    clock.advance(1000);
    let granted = 0;
    for (let i = 0; i < 30; i++)
      for (const instance of instances) {
        const res = await instance.client.createSession(
          sampleSessionRequest({ participant_unique_id1: participant }),
        );
        if (res.body.status === 100) granted++;
      }
    expect(granted).toBe(50);
  });
});

describe('refused creates on PostgreSQL', () => {
  it('take their token too, as on the embedded store: the bucket empties for bad requests', async () => {
    const participant = `refused-${randomUUID()}`;
    const invalid = { ...sampleSessionRequest({ participant_unique_id1: participant }) };
    delete (invalid as Partial<typeof invalid>).recipient_information;
    // The sandbox program's burst is 100, and the clock stands still.
    for (let i = 0; i < 100; i++) {
      const res = await instances[i % 2]!.client.createSession(invalid);
      expect(res.body.status).toBe(13400);
    }
    const refused = await instances[0]!.client.createSession(
      sampleSessionRequest({ participant_unique_id1: participant }),
    );
    expect(refused.body.status).toBe(13429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('the exchange per-IP limit on PostgreSQL', () => {
  const limited: TestApp[] = [];
  beforeAll(async () => {
    const limit = { burst: 3, per_second: 0.001 };
    for (let i = 0; i < 2; i++)
      limited.push(
        await startTestApp({
          databaseUrl: TEST_DATABASE_URL,
          config: { exchangeRateLimit: limit },
        }),
      );
    // The bucket of 127.0.0.1 would otherwise carry over from an earlier run.
    await limited[0]!.store.query('DELETE FROM rate_limit_buckets');
  });
  afterAll(async () => {
    for (const instance of limited) await instance.close();
  });

  it('holds across instances: one client IP gets one burst from both together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      for (const instance of limited) {
        const res = await fetch(`${instance.url}/api/widget/v1/exchange`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ session_identifier: 'nope', t: '1', h: 'x' }),
        });
        statuses.push(res.status);
      }
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });
});
