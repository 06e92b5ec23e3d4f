import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashAndRecover } from '../../testing/crashStream';
import { SignedClient, sampleSessionRequest } from '../../testing/signedClient';
import { spawnService, type SpawnedService } from '../../testing/spawnService';
import { TEST_DATABASE_URL } from '../../testing/testDatabaseUrl';
import { exchangeAuthorizedUrl } from '../../testing/exchangeAuthorizedUrl';

const env = { DATABASE_URL: TEST_DATABASE_URL };

const started: SpawnedService[] = [];
let a: SpawnedService;
let b: SpawnedService;
beforeAll(async () => {
  // Both start at once: migrations must serialise on the advisory lock.
  [a, b] = await Promise.all([spawnService({ env }), spawnService({ env })]);
  started.push(a, b);
});
afterAll(async () => {
  for (const service of started) await service.kill('SIGKILL');
  for (const service of started) rmSync(service.dataDir, { recursive: true, force: true });
});

const clientOf = (service: SpawnedService) =>
  new SignedClient({ baseUrl: service.url, username: 'demo', secret: 'demo-secret' });

describe('two service processes sharing PostgreSQL', () => {
  it('50 concurrent creates with one key across both give one 100, 49 × 101, one session and 50 distinct URLs', async () => {
    const body = sampleSessionRequest({ participant_unique_id1: `pg-${randomUUID()}` });
    const clients = [clientOf(a), clientOf(b)];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => clients[i % 2]!.createSession(body, 'the-one-key')),
    );
    const statuses = results.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 100)).toHaveLength(1);
    expect(statuses.filter((s) => s === 101)).toHaveLength(49);
    expect(new Set(results.map((r) => r.body.data.session_identifier)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.data.authorized_url)).size).toBe(50);
  });

  it('a URL issued by one instance is exchanged once on the other (shared URL secret)', async () => {
    const created = await clientOf(a).createSession(
      sampleSessionRequest({ participant_unique_id1: `pg-${randomUUID()}` }),
    );
    const exchange = (service: SpawnedService) =>
      exchangeAuthorizedUrl(service.url, created.body.data.authorized_url);
    const [first, second] = await Promise.all([exchange(b), exchange(a)]);
    expect([first.status, second.status].sort()).toEqual([200, 401]);
  });

  it('a key reused with other parameters gives 13723 from either instance', async () => {
    const body = sampleSessionRequest({ participant_unique_id1: `pg-${randomUUID()}` });
    expect((await clientOf(a).createSession(body, 'reuse')).body.status).toBe(100);
    expect(
      (await clientOf(b).createSession({ ...body, theme_variant: 'dark' }, 'reuse')).body.status,
    ).toBe(13723);
    expect((await clientOf(b).createSession(body, 'reuse')).body.status).toBe(101);
  });
});

describe('crash recovery on PostgreSQL', () => {
  it('after SIGKILL mid-stream and a restart, every answered session exists once', async () => {
    const result = await crashAndRecover(env, (service) => started.push(service));
    expect(result.answered).toBeGreaterThanOrEqual(25);
  }, 120_000);
});
