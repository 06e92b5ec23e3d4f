import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SignedClient, sampleSessionRequest } from '../../testing/signedClient';
import { spawnService, type SpawnedService } from '../../testing/spawnService';
import { TEST_DATABASE_URL } from '../../testing/testDatabaseUrl';
import { SANDBOX_RVDM_RULES } from '../../domain/programs/program';
import { exchangeAuthorizedUrl } from '../../testing/exchangeAuthorizedUrl';

const PER_MOUNT = 6;
const configDir = mkdtempSync(join(tmpdir(), 'tokenframe-limits-'));
const configPath = join(configDir, 'config.json');
let a: SpawnedService;
let b: SpawnedService;

beforeAll(async () => {
  writeFileSync(
    configPath,
    JSON.stringify({
      programs: [
        {
          username: 'limits',
          secret: 'limits-secret',
          hosts: ['http://localhost:3000'],
          rvdm: SANDBOX_RVDM_RULES,
          widget_call_limits: {
            per_mount: { calls: PER_MOUNT, window_seconds: 600 },
            per_session: { calls: 1000, window_seconds: 600 },
            per_client_ip: { calls: 1000, window_seconds: 600 },
          },
        },
      ],
    }),
  );
  const env = { DATABASE_URL: TEST_DATABASE_URL, TOKENFRAME_CONFIG: configPath };
  [a, b] = await Promise.all([spawnService({ env }), spawnService({ env })]);
}, 120_000);
afterAll(async () => {
  await a?.kill();
  await b?.kill();
  rmSync(configDir, { recursive: true, force: true });
});

test('one mount hammering /account across two instances on PostgreSQL gets exactly its limit', async () => {
  const client = new SignedClient({ baseUrl: a.url, username: 'limits', secret: 'limits-secret' });
  const created = await client.createSession(
    sampleSessionRequest({ participant_unique_id1: `limits-${randomUUID()}` }),
  );
  expect(created.body.status).toBe(100);
  const exchanged = await exchangeAuthorizedUrl(b.url, created.body.data.authorized_url);
  const { access_token } = (await exchanged.json()) as { access_token: string };
  const submit = (service: SpawnedService) =>
    fetch(`${service.url}/api/widget/v1/account`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        funding_destination: 'debit',
        first_name: 'Jack',
        last_name: 'Frost',
        card_number: '4000056655665556',
        expiration_month: 12,
        expiration_year: 2030,
        address: { address_line1: '123 Main St', city: 'Atlanta', state: 'GA', zip_code: '30313' },
      }),
    });
  const answers = await Promise.all(
    Array.from({ length: PER_MOUNT + 6 }, (_, i) => submit(i % 2 === 0 ? a : b)),
  );
  const statuses = answers.map((r) => r.status);
  expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  expect(statuses.filter((s) => s === 200)).toHaveLength(PER_MOUNT);
  const refused = answers.find((r) => r.status === 429)!;
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
}, 60_000);
