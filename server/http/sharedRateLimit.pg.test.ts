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
